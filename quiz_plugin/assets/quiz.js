/* Quiz widget: progressive enhancement of server-rendered .quiz blocks. */
(() => {
  const d = document, w = window, P = '.quiz__',
    q = (e, s) => e.querySelector(P + s),
    qa = (e, s) => [...e.querySelectorAll(P + s)],
    all = () => [...d.querySelectorAll('.quiz')],
    /* UI strings: the page's first widget carries them for the whole page. */
    T = () => { try { return JSON.parse(d.querySelector('.quiz[data-quiz-i18n]').dataset.quizI18n) || {} } catch (x) { return {} } },
    el = (t, c, p) => { const e = d.createElement(t); e.className = c; p && p.append(e); return e },
    K = r => 'quiz:' + r.dataset.quizKey,
    save = (r, v) => { try { v ? localStorage.setItem(K(r), JSON.stringify(v)) : localStorage.removeItem(K(r)) } catch (x) {} },
    load = r => { try { return JSON.parse(localStorage.getItem(K(r))) } catch (x) {} },
    inp = l => q(l, 'input'),
    ok = l => 'quizCorrect' in l.dataset,
    multi = r => r.dataset.quizKind == 'multiple',
    sel = r => qa(r, 'input').filter(i => i.checked).map(i => +i.value),
    M = { correct: ['✓', 'optionCorrect'], wrong: ['✗', 'optionWrong'], missed: ['○', 'optionMissed'] },
    fb = (l, v) => { const f = q(l, 'feedback'); if (f) f.hidden = !v },
    ex = (r, v) => { const e = q(r, 'explanation'); if (e) e.hidden = !v },
    btns = (r, done, rev) => {
      q(r, 'check').hidden = done; q(r, 'retry').hidden = !done; q(r, 'reveal').hidden = rev;
    },
    update = r => { q(r, 'check').disabled = !sel(r).length },

    result = r => {
      let a = 0, b = 0, x = 0;
      qa(r, 'option').forEach(l => { inp(l).checked ? ok(l) ? a++ : x++ : ok(l) && b++ });
      return x || !a ? 'incorrect' : b && multi(r) ? 'incomplete' : 'correct';
    },

    /* Show the outcome for the current selection (res = result or 'revealed'). */
    show = (r, res) => {
      const t = T(), m = multi(r);
      qa(r, 'option').forEach(l => {
        const i = inp(l), c = ok(l), k = i.checked ? c ? 'correct' : 'wrong' : m && c && 'missed';
        i.disabled = true;
        if (k) { l.dataset.quizMark = k; q(l, 'mark').textContent = M[k][0] + ' ' + (t[M[k][1]] || '') }
        fb(l, i.checked);
      });
      r.dataset.quizState = res;
      q(r, 'status').textContent = t[res] || '';
      ex(r, 1);
      btns(r, 1, res == 'revealed');
    },

    reveal = r => { qa(r, 'option').forEach(l => { inp(l).checked = ok(l) }); show(r, 'revealed') },

    reset = r => {
      delete r.dataset.quizState;
      qa(r, 'option').forEach(l => {
        const i = inp(l);
        i.checked = i.disabled = false;
        delete l.dataset.quizMark; q(l, 'mark').textContent = ''; fb(l, 0);
      });
      q(r, 'status').textContent = '';
      ex(r, 0); btns(r, 0, 0); update(r); save(r);
    },

    score = () => {
      const s = d.querySelector('.quiz-score'), a = all(), f = s && T().score;
      if (f) s.querySelector('.quiz-score__text').textContent = f
        .replace(/{correct}/g, a.filter(r => r.dataset.quizState == 'correct').length)
        .replace(/{total}/g, a.length);
    },

    act = (r, rev) => {
      if (rev) reveal(r); else if (sel(r).length) show(r, result(r)); else return;
      save(r, { s: sel(r), r: r.dataset.quizState });
      q(r, 'retry').focus();
      score();
    },

    /* The page holds what reads well without the script: question, options as a list and the
       answer in a <details>. Build the interactive part around it: a fieldset named by the
       question, an input and a label per option, marks, buttons and a status region; move the
       correct options' feedback and the explanation out of the <details>. */
    build = r => {
      const C = P.slice(1), id = r.id, t = T(), u = q(r, 'options'), o = [...u.children],
        n = q(r, 'question'), h = q(r, 'hint'), x = q(r, 'answer'), f = el('fieldset', C + 'fieldset'),
        a = el('div', C + 'actions'), s = el('div', C + 'status'), e = q(x, 'explanation');
      n.id ||= id + '-q';
      f.setAttribute('aria-labelledby', n.id);
      if (h) { h.id = id + '-hint'; f.setAttribute('aria-describedby', h.id) }
      s.setAttribute('role', 'status');
      r.prepend(f);
      f.append(n, ...h ? [h] : [], u, a, s);
      ['check', 'retry', 'reveal'].forEach(k => { const b = el('button', C + k, a); b.type = 'button'; b.textContent = t[k] || k });
      o.forEach((l, i) => {
        const c = el('input', C + 'input'), b = el('label', C + 'label');
        c.type = multi(r) ? 'checkbox' : 'radio'; c.name = id; c.id = id + '-' + i; c.value = i; b.htmlFor = c.id;
        b.append(...[...l.childNodes].filter(k => !(k.classList && k.classList.contains(C + 'feedback'))));
        l.classList.add(C + 'option');
        l.prepend(c, b);
        b.after(el('span', C + 'mark'));
      });
      qa(x, 'feedback').forEach(k => { k.hidden = true; o[+k.dataset.quizFor].append(k) });
      if (e) { e.hidden = true; s.after(e) }
    },

    init = () => {
      d.querySelectorAll('.quiz:not([data-quiz-ready])').forEach(r => {
        r.dataset.quizReady = 1;
        r.classList.add('quiz--js');
        build(r);
        const u = q(r, 'options'), o = qa(r, 'option'), n = o.length, v = load(r);
        btns(r, 0, 0);
        if ('quizShuffle' in r.dataset) {
          for (let i = n - 1; i > 0; i--) { const j = Math.random() * (i + 1) | 0;[o[i], o[j]] = [o[j], o[i]] }
          o.forEach(l => u.append(l));
        }
        if (v && Array.isArray(v.s) && /^(correct|incorrect|incomplete|revealed)$/.test(v.r) &&
          v.s.every(x => Number.isInteger(x) && x >= 0 && x < n) &&
          (v.r == 'revealed' || v.s.length && (multi(r) || v.s.length == 1))) {
          if (v.r == 'revealed') reveal(r);
          else { o.forEach(l => { const i = inp(l); i.checked = v.s.includes(+i.value) }); show(r, result(r)) }
        } else update(r);
      });
      const s = d.querySelector('.quiz-score');
      if (s) s.hidden = false;
      score();
    };

  if (w.__quizBound) return;
  w.__quizBound = 1;
  {
    d.addEventListener('change', e => {
      const r = e.target.closest && e.target.closest('.quiz');
      if (r) update(r);
    });
    d.addEventListener('click', e => {
      const b = e.target.closest && e.target.closest('button'), c = b && b.classList;
      if (!b) return;
      const r = b.closest('.quiz');
      if (r && c.contains('quiz__check')) act(r);
      else if (r && c.contains('quiz__reveal')) act(r, 1);
      else if (r && c.contains('quiz__retry')) { reset(r); score(); inp(r).focus() }
      else if (c.contains('quiz-score__reset')) { all().forEach(reset); score() }
    });
    d.addEventListener('keydown', e => {
      const i = e.target;
      if (e.key == 'Enter' && i.matches && i.matches('.quiz__input')) { e.preventDefault(); act(i.closest('.quiz')) }
    });
    /* Closed <details> print without content: open them for printing, then restore. */
    w.addEventListener('beforeprint', () => d.querySelectorAll('.quiz--js .quiz__answer:not([open])')
      .forEach(a => { a.open = true; a.dataset.quizPrint = 1 }));
    w.addEventListener('afterprint', () => d.querySelectorAll('[data-quiz-print]')
      .forEach(a => { a.open = false; delete a.dataset.quizPrint }));
  }

  /* Build in a task of its own, not in the theme's long start-up task. */
  const later = () => setTimeout(init),
    go = () => { w.document$ && w.document$.subscribe ? w.document$.subscribe(later) : later() };
  d.readyState == 'loading' ? d.addEventListener('DOMContentLoaded', go) : go();
})();

"""Parallel zh/en wording the synthetic corpus is made of (same meaning, index by index)."""

from __future__ import annotations

from typing import Final

Pair = tuple[str, str]

TOPICS: Final[tuple[Pair, ...]] = (
    ("分词与词表", "Tokenization and vocabularies"),
    ("预训练数据", "Pretraining data"),
    ("神经网络的内部", "Inside the neural network"),
    ("推理与采样", "Inference and sampling"),
    ("base 模型", "The base model"),
    ("对话数据", "Conversation data"),
    ("监督微调", "Supervised fine-tuning"),
    ("幻觉与工具使用", "Hallucinations and tool use"),
    ("强化学习", "Reinforcement learning"),
    ("奖励模型", "Reward models"),
    ("基于人类反馈的强化学习", "Reinforcement learning from human feedback"),
    ("评测与排行榜", "Evaluations and leaderboards"),
)

SENTENCES: Final[tuple[Pair, ...]] = (
    (
        "预训练把互联网文档拆成 token，再用神经网络预测下一个 token。",
        (
            "Pretraining breaks internet documents into tokens and trains a network to predict the"
            " next one."
        ),
    ),
    (
        "base 模型本质上是一个 token 级的互联网文档模拟器。",
        "A base model is essentially a token-level simulator of internet documents.",
    ),
    (
        "后训练用的算法和预训练基本相同，变的是数据集。",
        (
            "Post-training uses essentially the same algorithm as pretraining; what changes is the"
            " data."
        ),
    ),
    (
        "对话数据由人工标注员按照详细的标注指南写成。",
        "Conversation data is written by human labelers who follow detailed labeling instructions.",
    ),
    (
        "模型的知识储存在参数里，而上下文窗口里的内容更像工作记忆。",
        (
            "A model's knowledge lives in its parameters; what sits in the context window is more"
            " like working memory."
        ),
    ),
    (
        "采样时温度越高，输出越多样，也越容易出错。",
        (
            "The higher the sampling temperature, the more varied the output, and the more likely a"
            " mistake."
        ),
    ),
    (
        "每个 token 只分到有限的计算量，所以复杂的推理需要分步写出来。",
        (
            "Each token gets a bounded amount of computation, so hard reasoning has to be spread"
            " over many tokens."
        ),
    ),
    (
        "幻觉往往出现在模型不知道答案、却仍然模仿自信语气的时候。",
        (
            "Hallucinations tend to appear when the model does not know the answer but still"
            " imitates a confident tone."
        ),
    ),
    (
        "让模型调用搜索工具，可以把新鲜的信息放进它的上下文窗口。",
        "Letting the model call a search tool puts fresh information into its context window.",
    ),
    (
        "强化学习让模型自己尝试许多解法，再强化那些得到正确答案的解法。",
        (
            "Reinforcement learning lets the model try many solutions and reinforces the ones that"
            " reach the right answer."
        ),
    ),
    (
        "奖励模型是一个模拟人类偏好的神经网络，它给回答打分。",
        "A reward model is a neural network that simulates human preferences and scores answers.",
    ),
    (
        "奖励模型可以被“钻空子”：训练得太久，模型会找到骗过它的奇怪输出。",
        "A reward model can be gamed: train too long and the model finds odd outputs that fool it.",
    ),
    (
        "在可以验证答案的领域，例如数学题，强化学习可以一直跑下去。",
        (
            "In verifiable domains such as maths problems, reinforcement learning can keep running"
            " for a long time."
        ),
    ),
    (
        "评测排行榜有用，但分数高不代表在你的任务上就一定好用。",
        (
            "Leaderboards are useful, but a high score does not guarantee the model works well on"
            " your task."
        ),
    ),
    (
        "同一个问题问两次，模型可能给出不同的回答，因为输出是采样出来的。",
        (
            "Ask the same question twice and the model may answer differently, because the output"
            " is sampled."
        ),
    ),
    (
        "系统提示词和对话格式，决定了模型把哪些 token 当成用户说的话。",
        (
            "The system prompt and the chat format decide which tokens the model treats as the"
            " user's words."
        ),
    ),
    (
        "数据清洗会去掉重复的网页、垃圾内容和个人信息。",
        "Data cleaning removes duplicate pages, spam and personal information.",
    ),
    (
        "词表越大，同一段文字需要的 token 就越少，但嵌入矩阵也越大。",
        "A larger vocabulary needs fewer tokens for the same text, but the embedding matrix grows.",
    ),
)

QUESTIONS: Final[tuple[Pair, ...]] = (
    ("下面哪一项最准确地描述了 base 模型？", "Which statement best describes a base model?"),
    ("后训练主要改变的是什么？", "What does post-training mainly change?"),
    (
        "为什么复杂的计算需要分步写出来？",
        "Why does hard computation need to be written out step by step?",
    ),
    ("奖励模型的主要风险是什么？", "What is the main risk of a reward model?"),
    ("提高采样温度会带来什么？", "What does raising the sampling temperature do?"),
    ("下面哪些做法可以减少幻觉？", "Which of these reduce hallucinations?"),
)

OPTIONS: Final[tuple[Pair, ...]] = (
    ("一个 token 级的互联网文档模拟器", "A token-level simulator of internet documents"),
    ("一个已经会回答问题的助手", "An assistant that already answers questions"),
    ("训练用的数据集，而不是算法", "The training data, not the algorithm"),
    ("模型的参数量", "The number of parameters"),
    ("每个 token 的计算量有限", "Each token gets a bounded amount of computation"),
    ("模型会找到骗过奖励模型的输出", "The model finds outputs that fool the reward model"),
    ("输出更多样，也更容易出错", "More varied output, and more mistakes"),
    ("让模型调用 `search()` 工具", "Letting the model call a `search()` tool"),
    ("在数据里加入“我不知道”的回答", 'Adding "I don\'t know" answers to the data'),
    ("把 **temperature** 调到最高", "Turning **temperature** all the way up"),
)

FEEDBACK_RIGHT: Final[Pair] = ("正确。", "Correct.")
FEEDBACK_WRONG: Final[Pair] = ("不对。", "Not quite.")

CODE_SNIPPETS: Final[tuple[tuple[str, str], ...]] = (
    (
        "python",
        (
            'import tiktoken\n\nencoding = tiktoken.get_encoding("cl100k_base")\n'
            'tokens = encoding.encode("Hello world")\nprint(len(tokens), tokens)'
        ),
    ),
    (
        "python",
        (
            "def sample(logits, temperature=1.0):\n"
            "    probabilities = softmax(logits / temperature)\n"
            "    return random.choices(range(len(probabilities)), probabilities)[0]"
        ),
    ),
    ("bash", "pip install transformers\npython train.py --epochs 3 --lr 1e-5"),
    (
        "json",
        (
            '{\n  "messages": [\n    {"role": "user", "content": "2 + 2 = ?"},\n'
            '    {"role": "assistant", "content": "4"}\n  ]\n}'
        ),
    ),
)

ADMONITIONS: Final[tuple[tuple[str, Pair], ...]] = (
    ("note", ("注意", "Note")),
    ("tip", ("小提示", "Tip")),
    ("warning", ("小心", "Careful")),
    ("example", ("例子", "Example")),
)

UI: Final[dict[str, Pair]] = {
    "home": ("首页", "Home"),
    "chapter": ("第 {number} 章：{topic}", "Chapter {number}: {topic}"),
    "section": ("{topic}({number})", "{topic} ({number})"),
    "key_points": ("要点", "Key points"),
    "quiz_heading": ("📝 本章测验", "📝 Chapter quiz"),
    "figure": ("训练一个 LLM 助手的两个阶段。", "The two stages of training an LLM assistant."),
    "table_head": ("| 阶段 | 数据 | 时长 |", "| Stage | Data | Duration |"),
    "table_rule": ("| --- | --- | --- |", "| --- | --- | --- |"),
    "table_row": (
        "| 预训练 | 互联网文档 | 约三个月 |",
        "| Pretraining | Internet documents | ~3 months |",
    ),
    "table_row2": ("| 后训练 | 对话 | 几小时 |", "| Post-training | Conversations | hours |"),
    "explanation": ("回到正文“{section}”一节再读一遍。", 'Re-read the section "{section}".'),
    "site_title": ("合成语料", "Synthetic corpus"),
    "home_lead": (
        "这是基准测试生成的合成课程，共 {count} 章。",
        "A synthetic course generated for benchmarks, {count} chapters.",
    ),
    "contents": ("章节", "Chapters"),
}

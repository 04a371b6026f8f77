"""What a quiz is, once parsed, and what can be wrong with one."""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field


@dataclass
class QuizOption:
    """One answer to choose: its label, whether it is correct, and its feedback."""

    label: etree.Element
    correct: bool
    feedback: list[etree.Element] = field(default_factory=list)


@dataclass
class QuizSettings:
    """The block options written under `/// quiz`."""

    multiple: bool = False
    shuffle: bool = False
    id: str | None = None


@dataclass
class Quiz:
    """A parsed, valid question."""

    question: list[etree.Element]
    options: list[QuizOption]
    explanation: list[etree.Element]
    settings: QuizSettings

    @property
    def multiple(self) -> bool:
        """Whether readers may choose several options (checkboxes)."""
        return self.settings.multiple or sum(option.correct for option in self.options) > 1

    @property
    def kind(self) -> str:
        """Return `multiple` or `single`."""
        return "multiple" if self.multiple else "single"

    @property
    def correct_positions(self) -> tuple[int, ...]:
        """Return the 1-based positions of the correct options."""
        return tuple(i for i, option in enumerate(self.options, start=1) if option.correct)

    def fingerprint(self) -> str:
        """Return a digest of the wording and structure, which changes when either changes."""
        parts = ["".join(el.itertext()) for el in self.question]
        parts += [f"{o.correct}:{''.join(o.label.itertext())}" for o in self.options]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class QuizProblem:
    """Something wrong with a quiz block: a code for the reader's language, and details."""

    code: str
    details: tuple[tuple[str, str], ...] = ()

    def values(self) -> dict[str, str]:
        """Return the details as a mapping for message templates."""
        return dict(self.details)


def problem(code: str, **details: object) -> QuizProblem:
    """Build a problem from a code and its details."""
    return QuizProblem(code, tuple((key, str(value)) for key, value in details.items()))

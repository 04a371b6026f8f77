"""The versions pyproject.toml accepts are the tested ones: the lock's, up to the next minor."""

from __future__ import annotations

import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from tests.helpers.build import ROOT

DEPENDENCIES = [
    Requirement(text)
    for text in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "dependencies"
    ]
]
LOCKED = {
    name.lower(): Version(version)
    for name, _, version in (
        line.partition("==")
        for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
        if "==" in line
    )
}


@pytest.mark.parametrize("requirement", DEPENDENCIES, ids=str)
def test_a_dependency_admits_its_tested_version_and_nothing_older(requirement: Requirement) -> None:
    locked = LOCKED[requirement.name.lower()]
    assert requirement.specifier.contains(locked)
    lower = {spec.version for spec in requirement.specifier if spec.operator == ">="}
    assert lower == {str(locked)}, (
        f"{requirement.name}: test {lower} or start the range at {locked}"
    )


@pytest.mark.parametrize("requirement", DEPENDENCIES, ids=str)
def test_a_dependency_stops_before_its_next_minor_version(requirement: Requirement) -> None:
    locked = LOCKED[requirement.name.lower()]
    next_minor = Version(f"{locked.major}.{locked.minor + 1}")
    assert not requirement.specifier.contains(next_minor)

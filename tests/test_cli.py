import json
import subprocess
import sys

from typer.testing import CliRunner

from newsprism.cli import app

from .conftest import EXAMPLES, SEED

runner = CliRunner()


def test_analyze_json_on_the_seed():
    result = runner.invoke(app, ["analyze", str(SEED), "--json", "--date", "2020-01-21"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.strip().splitlines()
    d = json.loads(line)
    assert d["article"]["syndicated_from"] == "FRANCE 24"
    assert d["article"]["date"] == "2020-01-21"
    assert d["article"]["off_topic"][0]["text"].startswith("Alex Jones")


def test_analyze_report_on_the_seed():
    result = runner.invoke(app, ["analyze", str(SEED)])
    assert result.exit_code == 0
    for shown in ("Iraqis Split", "Baghdad locals", "AHMAD AL-RUBAYE", "FRANCE 24", "off-topic"):
        assert shown in result.stdout


def test_analyze_keeps_input_order_and_reports_problems(tmp_path):
    (tmp_path / "a.txt").write_text("First\n\nBody one.")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("Third\n\nBody three.")
    result = runner.invoke(app, ["analyze", str(tmp_path), "--json"])
    assert result.exit_code == 1
    titles = [json.loads(line)["article"]["title"] for line in result.stdout.splitlines()]
    assert titles == ["First", "Third"]
    assert "b.txt: read: empty file" in result.stderr


def test_usage_errors_exit_2():
    assert runner.invoke(app, ["analyze", str(SEED), "--format", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["analyze", str(SEED), "--date", "soon"]).exit_code == 2
    assert runner.invoke(app, ["export", "x", "--format", "csv", "--db", "nope"]).exit_code == 2
    assert runner.invoke(app, ["frobnicate"]).exit_code == 2
    assert runner.invoke(app, ["analyze", str(SEED), "--stages", "layout,nope"]).exit_code == 2


def test_stages_option_chooses_the_stages():
    result = runner.invoke(app, ["analyze", str(SEED), "--json", "--stages", "layout"])
    d = json.loads(result.stdout)
    assert d["dates"] == [] and d["tone"] is None and d["article"]["syndicated_from"] == "FRANCE 24"


def test_ingest_show_problems_export(tmp_path):
    db = str(tmp_path / "x.duckdb")
    (tmp_path / "bad.jsonl").write_text('{"title": "no text"}\n')
    first = runner.invoke(
        app, ["ingest", str(EXAMPLES / "text"), str(tmp_path / "bad.jsonl"), "--db", db]
    )
    assert first.exit_code == 1  # one problem, the rest stored
    assert "stored" in first.stderr and "no article text" in first.stderr
    again = runner.invoke(app, ["ingest", str(EXAMPLES / "text"), "--db", db])
    assert again.exit_code == 0 and "skipped: already stored" in again.stderr
    listed = json.loads(runner.invoke(app, ["analyze", str(SEED), "--json"]).stdout)
    assert listed["article"]["id"]
    from newsprism import Store

    with Store(db, read_only=True) as store:
        some_id = store.con.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()[0]
    shown = runner.invoke(app, ["show", some_id[:8], "--db", db, "--json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["article"]["id"] == some_id
    assert runner.invoke(app, ["show", "zzzz", "--db", db]).exit_code == 1
    assert "no article text" in runner.invoke(app, ["problems", "--db", db]).stdout
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["export", str(out), "--format", "jsonl", "--db", db]).exit_code == 0
    assert len(out.read_text().splitlines()) == 6


def test_python_dash_m_and_stdin():
    result = subprocess.run(
        [sys.executable, "-m", "newsprism", "analyze", "-", "--json"],
        input=SEED.read_bytes(), capture_output=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["article"]["title"].startswith("Iraqis Split")


def test_entities_command(tmp_path):
    db = str(tmp_path / "e.duckdb")
    assert runner.invoke(app, ["ingest", str(SEED), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["entities", "--db", db, "--type", "PERSON"])
    assert result.exit_code == 0 and "Soleimani" in result.stdout and "PERSON" in result.stdout

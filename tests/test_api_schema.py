"""Schemathesis against the app's own OpenAPI schema, in process (ASGI, no network).

Every JSON route, and the write route with the server's token, gets generated requests,
valid and invalid; no answer may be a 5xx, and each must have a documented status code, the
documented content type and a body that fits its schema. Examples are bounded so the whole
run stays in the tens of seconds.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from newsprism.server import ServerOptions, create_app

from .test_server import build_store

TOKEN = "schemathesis-token-0123456789"
FAST = ("layout", "dates", "tone")  # what posted articles are analysed with here
EXAMPLES = 30  # per operation and mode


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory):
    db = build_store(tmp_path_factory.mktemp("schema") / "corpus.duckdb")
    app = create_app(str(db), ServerOptions(token=TOKEN, stages=FAST))
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    app.state.writer.close()
    app.state.store.close()


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]  # fmt: skip


def test_api_conforms_to_its_schema(api_schema):
    """Each operation, with valid and with invalid data (schemathesis's pytest plugin is not
    used: its lazy fixture loader does not run under this pytest, so Hypothesis runs here)."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(mode))
            @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                      suppress_health_check=list(HealthCheck))  # fmt: skip
            def check(case: schemathesis.Case) -> None:
                case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)

            try:
                check()
            except Unsatisfiable:  # nothing to make invalid (no parameters): nothing to test
                assert mode is GenerationMode.NEGATIVE, operation.label
            except BaseException as e:
                e.add_note(f"in {operation.label}, {mode.value} data")
                raise
    store = api_schema.app.state.store.con.cursor()  # the write route really wrote
    assert store.execute("SELECT count(*) FROM articles WHERE path = 'api'").fetchone()[0] > 0

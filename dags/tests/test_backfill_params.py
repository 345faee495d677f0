"""The backfill trigger form: its fields, and conf that is rejected before any task runs.

Airflow validates a trigger's conf exactly like `validate_conf` below (copy the DAG's params,
update them with the conf, validate) both for the UI form and for POST /api/v2/dags/{id}/dagRuns,
which answers 400 with the message. The serialized DAG is what the API server and the UI use.
"""

from __future__ import annotations

import copy

import pytest
from airflow.exceptions import ParamValidationError
from airflow.serialization.serialized_objects import SerializedDAG

from randomuser_common import NATIONALITIES

V14_NATIONALITIES = [
    "AU", "BR", "CA", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE",
    "IN", "IR", "MX", "NL", "NO", "NZ", "RS", "TR", "UA", "US",
]  # fmt: skip


def validate_conf(dag, conf):
    params = copy.deepcopy(dag.params)
    params.update(conf)
    return params.validate()


@pytest.fixture(scope="module")
def backfill(dagbag):
    return dagbag.dags["randomuser_backfill"]


@pytest.fixture(scope="module")
def serialized_backfill(backfill):
    return SerializedDAG.from_dict(SerializedDAG.to_dict(backfill))


def test_nationalities_are_the_api_v1_4_codes():
    assert NATIONALITIES == V14_NATIONALITIES


def test_form_fields_and_defaults(backfill):
    assert list(backfill.params) == ["results", "pages", "seed", "nat", "gender"]
    assert validate_conf(backfill, {}) == {
        "results": 500,
        "pages": 1,
        "seed": None,
        "nat": [],
        "gender": "any",
    }


def test_form_field_schemas(backfill):
    schema = {name: backfill.params.get_param(name).schema for name in backfill.params}
    assert schema["results"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 5000,
        "title": "Users per page",
    }
    assert schema["pages"] == {"type": "integer", "minimum": 1, "maximum": 100, "title": "Pages"}
    assert schema["seed"] == {
        "type": ["null", "string"],
        "pattern": "^[A-Za-z0-9_.-]{1,64}$",
        "title": "Seed",
    }
    # An array whose items are an enum, with `examples`: the form renders a multi-select.
    assert schema["nat"]["type"] == ["array", "null"]
    assert schema["nat"]["items"] == {"type": "string", "enum": V14_NATIONALITIES}
    assert schema["nat"]["uniqueItems"] is True
    assert schema["nat"]["examples"] == V14_NATIONALITIES
    assert schema["nat"]["values_display"]["GB"] == "GB (United Kingdom)"
    assert schema["gender"] == {"type": "string", "enum": ["any", "male", "female"], "title": "Gender"}


@pytest.mark.parametrize("dag_fixture", ["backfill", "serialized_backfill"])
def test_valid_conf_is_accepted_as_given(request, dag_fixture):
    dag = request.getfixturevalue(dag_fixture)
    conf = {"results": 1000, "pages": 3, "seed": "e2e-1", "nat": ["GB", "FR"], "gender": "female"}
    assert validate_conf(dag, conf) == conf
    # A multi-select left empty in the form sends null.
    assert validate_conf(dag, {"nat": None})["nat"] is None
    assert validate_conf(dag, {"results": 1, "pages": 100})["results"] == 1
    assert validate_conf(dag, {"results": 5000})["results"] == 5000


INVALID_CONF = [
    ({"results": 0}, "Invalid input for param results: 0 is less than the minimum of 1"),
    ({"results": 5001}, "Invalid input for param results: 5001 is greater than the maximum of 5000"),
    ({"results": "500"}, "Invalid input for param results: '500' is not of type 'integer'"),
    ({"results": 2.5}, "Invalid input for param results: 2.5 is not of type 'integer'"),
    ({"pages": 0}, "Invalid input for param pages: 0 is less than the minimum of 1"),
    ({"pages": 101}, "Invalid input for param pages: 101 is greater than the maximum of 100"),
    ({"seed": "a b"}, "Invalid input for param seed: 'a b' does not match '^[A-Za-z0-9_.-]{1,64}$'"),
    ({"seed": "$(id)"}, "Invalid input for param seed: '$(id)' does not match '^[A-Za-z0-9_.-]{1,64}$'"),
    ({"nat": ["XX"]}, f"Invalid input for param nat: 'XX' is not one of {V14_NATIONALITIES}"),
    ({"nat": ["gb"]}, f"Invalid input for param nat: 'gb' is not one of {V14_NATIONALITIES}"),
    ({"nat": ["GB", "GB"]}, "Invalid input for param nat: ['GB', 'GB'] has non-unique elements"),
    ({"nat": "GB"}, "Invalid input for param nat: 'GB' is not of type 'array', 'null'"),
    ({"gender": "other"}, "Invalid input for param gender: 'other' is not one of ['any', 'male', 'female']"),
    ({"gender": None}, "Invalid input for param gender: None is not of type 'string'"),
]


@pytest.mark.parametrize("dag_fixture", ["backfill", "serialized_backfill"])
@pytest.mark.parametrize(("conf", "message"), INVALID_CONF, ids=[str(c) for c, _ in INVALID_CONF])
def test_invalid_conf_is_rejected_with_a_clear_message(request, dag_fixture, conf, message):
    dag = request.getfixturevalue(dag_fixture)
    with pytest.raises(ParamValidationError) as rejected:
        validate_conf(dag, conf)
    assert str(rejected.value).splitlines()[0] == message

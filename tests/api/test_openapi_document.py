"""The served OpenAPI document, checked by a real validator."""
import requests
import yaml
from openapi_spec_validator import validate


def test_the_served_document_is_valid_openapi_31(demo_server):
    response = requests.get(demo_server.url + "/api/v1/openapi.yaml", timeout=10)
    assert response.status_code == 200
    document = yaml.safe_load(response.text)
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_every_documented_get_without_parameters_answers(demo_server):
    document = yaml.safe_load(requests.get(demo_server.url + "/api/v1/openapi.yaml", timeout=10).text)
    for path, operations in document["paths"].items():
        if "{" in path or "get" not in operations:
            continue
        response = requests.get(demo_server.url + path, timeout=10)
        assert str(response.status_code) in operations["get"]["responses"], path


def schema_validator(document: dict, schema: dict):
    from openapi_schema_validator import OAS31Validator

    return OAS31Validator({**schema, "components": document["components"]})


def test_every_operation_has_examples_that_match_its_schemas(demo_server):
    """Request bodies and success responses carry an example (recorded from a demo server by
    tests/tools/record_openapi_examples.py), and each example is valid against its schema."""
    document = yaml.safe_load(requests.get(demo_server.url + "/api/v1/openapi.yaml", timeout=10).text)
    operations = 0
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "delete", "patch"):
                continue
            operations += 1
            name = operation["operationId"]
            body = operation.get("requestBody")
            if body:
                for content in body["content"].values():
                    examples = [content["example"]] if "example" in content else [e["value"] for e in content.get("examples", {}).values()]
                    assert examples, f"{name}: the request body has no example"
                    for example in examples:
                        schema_validator(document, content["schema"]).validate(example)
            successes = [response for code, response in operation["responses"].items() if code.startswith("2") and "content" in response]
            assert successes, f"{name}: no documented success response"
            for response in successes:
                for media, content in response["content"].items():
                    assert "example" in content, f"{name}: the {media} response has no example"
                    schema_validator(document, content["schema"]).validate(content["example"])
    assert operations >= 46

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

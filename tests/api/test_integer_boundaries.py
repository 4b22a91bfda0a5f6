"""Every integer the API document lets a client send, tried at the edges of what a 64-bit integer
holds (and one past them), with real records of the demo clinic in the path so the value reaches
the handler's rules: no answer is a server error, and the server is still there afterwards. A
probe found that one `offset` of 2^63-1 stopped the process; this walks every such parameter, in
the query and in JSON bodies, from the document itself, so a new one is covered when it is added."""
from __future__ import annotations

import copy
import datetime
import re
import uuid

import requests
import yaml

from conftest import DEMO, csrf_token, signed_in

EDGES = [-(2**63), -1, 0, 2**63 - 1, 2**63, 10**30]


def resolve(document: dict, node):
    while isinstance(node, dict) and "$ref" in node:
        path = node["$ref"].removeprefix("#/").split("/")
        node = document
        for part in path:
            node = node[part]
    return node


def sample(document: dict, schema, depth: int = 0):
    """A small valid-looking value for a schema: required properties only, first enum value."""
    schema = resolve(document, schema)
    if depth > 4 or not isinstance(schema, dict):
        return None
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return sample(document, schema[key][0], depth + 1)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        return {name: sample(document, properties[name], depth + 1) for name in schema.get("required", []) if name in properties}
    if kind == "array":
        return []
    if kind == "integer":
        return schema.get("minimum", 1)
    if kind == "number":
        return 1.0
    if kind == "boolean":
        return False
    if schema.get("format") == "uuid":
        return str(uuid.uuid4())
    if schema.get("format") == "date":
        return "2030-01-07"
    if schema.get("format") == "date-time":
        return "2030-01-07T10:00:00Z"
    return "x"


def integer_paths(document: dict, schema, prefix=(), depth: int = 0):
    """Paths to every integer property of a body schema (objects nested three deep)."""
    schema = resolve(document, schema)
    if depth > 3 or not isinstance(schema, dict):
        return
    if schema.get("type") == "integer":
        yield prefix
        return
    for name, child in schema.get("properties", {}).items():
        yield from integer_paths(document, child, prefix + (name,), depth + 1)


def with_value(body: dict, path: tuple, value) -> dict:
    body = copy.deepcopy(body) if isinstance(body, dict) else {}
    node = body
    for part in path[:-1]:
        node = node.setdefault(part, {}) if isinstance(node.get(part), dict) or part not in node else node[part]
        if not isinstance(node, dict):
            return body
    node[path[-1]] = value
    return body


def bearer(url: str, email: str) -> requests.Session:
    """An API client with a personal token, as a program would call the API."""
    browser = signed_in(url, email)
    answer = browser.post(url + "/account/tokens", data={"_csrf": csrf_token(browser, url + "/account"), "name": "edges"}, timeout=10)
    client = requests.Session()
    client.headers["Authorization"] = "Bearer " + re.search(r'id="new-token">([^<]+)<', answer.text).group(1)
    return client


def demo_ids(url: str, admin: requests.Session, practitioner: requests.Session) -> dict[str, str]:
    """Real records of the demo clinic for each path parameter, so requests reach the rules."""
    now = datetime.datetime.now(datetime.timezone.utc)
    window = {"from": (now - datetime.timedelta(days=45)).strftime("%Y-%m-%dT%H:%M:%SZ"),
              "to": (now + datetime.timedelta(days=45)).strftime("%Y-%m-%dT%H:%M:%SZ")}
    appointments = admin.get(url + "/api/v1/appointments", params=window, timeout=30).json()["items"]
    return {
        "patientId": admin.get(url + "/api/v1/patients", timeout=10).json()["items"][0]["id"],
        "sessionId": practitioner.get(url + "/api/v1/sessions", timeout=10).json()["items"][0]["id"],
        "appointmentId": appointments[0]["id"],
        "courseId": next(item["courseId"] for item in appointments if item.get("courseId")),
        "practitionerId": practitioner.get(url + "/api/v1/me", timeout=10).json().get("practitionerId") or str(uuid.uuid4()),
        "code": "BL23",
    }


def test_every_integer_parameter_at_the_edges_of_64_bits_is_refused_cleanly(demo_server):
    url = demo_server.url
    admin = bearer(url, DEMO["admin"])
    practitioner = bearer(url, DEMO["practitioner"])
    document = yaml.safe_load(requests.get(url + "/api/v1/openapi.yaml", timeout=10).text)
    ids = demo_ids(url, admin, practitioner)

    tried = 0
    failures = []
    for path, item in document["paths"].items():
        concrete = path
        for name, value in ids.items():
            concrete = concrete.replace("{" + name + "}", value)
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            client = practitioner if "/sessions" in path or "/plans" in path else admin
            parameters = [resolve(document, p) for p in operation.get("parameters", []) + item.get("parameters", [])]
            for parameter in parameters:
                if parameter.get("in") == "query" and resolve(document, parameter.get("schema", {})).get("type") == "integer":
                    for edge in EDGES:
                        answer = client.request(method, url + concrete, params={parameter["name"]: str(edge)}, timeout=30)
                        tried += 1
                        if answer.status_code >= 500:
                            failures.append(f"{method.upper()} {path} ?{parameter['name']}={edge}: {answer.status_code}")
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body is None:
                continue
            base = sample(document, body)
            for field in integer_paths(document, body):
                for edge in EDGES:
                    answer = client.request(method, url + concrete, json=with_value(base, field, edge), timeout=30)
                    tried += 1
                    if answer.status_code >= 500:
                        failures.append(f"{method.upper()} {path} {'.'.join(field)}={edge}: {answer.status_code} {answer.text[:200]}")
    print(f"integer edges: {tried} requests")
    assert tried > 100
    assert failures == []
    assert requests.get(url + "/healthz", timeout=10).status_code == 200


def string_paths(document: dict, schema, prefix=(), depth: int = 0):
    """Paths to every string property with a maxLength in a body schema, with the limit."""
    schema = resolve(document, schema)
    if depth > 3 or not isinstance(schema, dict):
        return
    if schema.get("type") == "string" and "maxLength" in schema and "enum" not in schema:
        yield prefix, schema["maxLength"]
        return
    for name, child in schema.get("properties", {}).items():
        yield from string_paths(document, child, prefix + (name,), depth + 1)


def test_every_length_limit_in_the_document_is_enforced(demo_server):
    """A text one character over its documented maxLength is refused (4xx), never stored."""
    url = demo_server.url
    clients = {"admin": bearer(url, DEMO["admin"]), "practitioner": bearer(url, DEMO["practitioner"])}
    document = yaml.safe_load(requests.get(url + "/api/v1/openapi.yaml", timeout=10).text)
    admin = clients["admin"]
    ids = demo_ids(url, admin, clients["practitioner"])
    accepted = []
    tried = 0
    for path, item in document["paths"].items():
        concrete = path
        for name, value in ids.items():
            concrete = concrete.replace("{" + name + "}", value)
        for method, operation in item.items():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema") if isinstance(operation, dict) else None
            if body is None:
                continue
            client = clients["practitioner"] if "/sessions" in path or "/plans" in path or "/assessments" in path else admin
            base = sample(document, body)
            for field, limit in string_paths(document, body):
                answer = client.request(method, url + concrete, json=with_value(base, field, "a" * (limit + 1)), timeout=30)
                tried += 1
                if answer.status_code < 400 or answer.status_code >= 500:
                    accepted.append(f"{method.upper()} {path} {'.'.join(field)} ({limit + 1} characters): {answer.status_code}")
    print(f"length limits: {tried} requests")
    assert tried > 20
    assert accepted == []

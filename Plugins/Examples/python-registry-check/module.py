#!/usr/bin/env python3
"""RightsDesk external module (protocol 1): flags postings whose company is not in a local business registry.

Standard library only. The registry is a CSV file with a `name` column (and optionally `credit_code`), read from
$REGISTRY_CSV or registry.csv beside this script. Names are compared after removing spaces and full-width
brackets. See docs/module-protocol.md.
"""
import csv
import json
import os
import sys

MODULE_ID = "registry_check"
VERSION = "1.0.0"
RULE_ID = "registry_check.unregistered_company"


def normalise(name):
    table = str.maketrans({"（": "(", "）": ")", " ": None, "\u3000": None, "\t": None})
    return name.translate(table).strip()


def load_registry():
    path = os.environ.get("REGISTRY_CSV") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "registry.csv")
    with open(path, newline="", encoding="utf-8") as handle:
        return {normalise(row["name"]) for row in csv.DictReader(handle) if row.get("name")}


HANDSHAKE = {
    "type": "handshake",
    "protocol": 1,
    "module": MODULE_ID,
    "version": VERSION,
    "subjects": ["jobPosting"],
    "rules": [{
        "id": RULE_ID,
        "name": {"zh": "企业未在登记名录中", "en": "Company not in the business registry"},
        "severity": "medium",
        "score": 3,
        "level": 1,
        "fields": ["company"],
        "references": ["企业信息公示暂行条例 第八条"],
        "examples": {
            "trigger": ["⟦速发网络科技有限公司⟧"],
            "ignore": ["杭州示例餐饮管理有限公司", ""],
        },
    }],
}


def evaluate(subject, registry):
    fields = {field["name"]: field["text"] for field in subject.get("fields", [])}
    company = fields.get("company", "")
    name = normalise(company)
    if not name or name in registry:
        return []
    # Evidence covers the company field without surrounding white space, in UTF-8 bytes.
    start = len(company[: len(company) - len(company.lstrip())].encode("utf-8"))
    end = len(company.rstrip().encode("utf-8"))
    return [{
        "rule": RULE_ID,
        "severity": "medium",
        "score": 3,
        "message": {"zh": "招聘企业未在本地企业登记名录中", "en": "The hiring company is not in the local business registry"},
        "evidence": [{"field": "company", "start": start, "end": end, "excerpt": company.strip()[:40]}],
        "actions": [{"type": "flagEntity", "kind": "company", "value": name}],
    }]


def send(message):
    sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main():
    try:
        registry = load_registry()
    except (OSError, KeyError) as error:
        sys.stderr.write("registry_check: cannot read the registry: %s\n" % error)
        return 1
    send(HANDSHAKE)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
        except ValueError:
            send({"type": "error", "id": None, "message": "request is not JSON"})
            continue
        kind, request_id = request.get("type"), request.get("id")
        if kind == "shutdown":
            return 0
        if kind == "ping":
            send({"type": "pong", "id": request_id})
        elif kind == "evaluate":
            try:
                send({"type": "result", "id": request_id, "findings": evaluate(request["subject"], registry)})
            except (KeyError, TypeError) as error:
                send({"type": "error", "id": request_id, "message": "bad request: %s" % error})
        else:
            send({"type": "error", "id": request_id, "message": "unknown request type"})
    return 0


if __name__ == "__main__":
    sys.exit(main())

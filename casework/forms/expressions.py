"""The skip-logic language of forms (``relevant``): checked, read, written and evaluated, never `eval`.

An expression is JSON (``{"field": "safety_concern", "equals": true}``,
``{"all": [...]}``, ``{"any": [...]}``, ``{"not": ...}``) or the same as a
string (``safety_concern = true and not type in ("remote")``), see
`parse_expression`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from casework.forms.errors import ExpressionError
from casework.values import is_empty

COMPARISONS = ("equals", "not_equals", "in", "contains", "answered", "gt", "gte", "lt", "lte")
_STRING_OPS = {"=": "equals", "!=": "not_equals", ">": "gt", ">=": "gte", "<": "lt", "<=": "lte"}
_OP_STRINGS = {v: k for k, v in _STRING_OPS.items()}
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<num>-?\d+(?:\.\d+)?)
      | (?P<str>"(?:[^"\\]|\\.)*")
      | (?P<op>!=|>=|<=|=|>|<|\(|\)|,)
      | (?P<name>[A-Za-z_][A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]+)*)
    )""",
    re.VERBOSE,
)
_KEYWORDS = ("and", "or", "not", "in", "contains", "true", "false", "null", "answered")


def check_expression(expr: Any) -> None:
    """Raise ExpressionError unless `expr` is a well-formed expression (JSON form)."""
    if isinstance(expr, bool):
        return
    if not isinstance(expr, dict):
        raise ExpressionError(f"an expression must be an object or true/false, not {expr!r}")
    if "all" in expr or "any" in expr:
        (op,) = [k for k in ("all", "any") if k in expr]
        if set(expr) != {op} or not isinstance(expr[op], list) or not expr[op]:
            raise ExpressionError(f"{op!r} takes a non-empty list and nothing else")
        for sub in expr[op]:
            check_expression(sub)
        return
    if "not" in expr:
        if set(expr) != {"not"}:
            raise ExpressionError("'not' takes one expression and nothing else")
        check_expression(expr["not"])
        return
    if not isinstance(expr.get("field"), str) or not expr["field"]:
        raise ExpressionError(f"a comparison needs a 'field': {expr!r}")
    ops = [k for k in expr if k != "field"]
    if len(ops) != 1 or ops[0] not in COMPARISONS:
        raise ExpressionError(f"a comparison needs exactly one of {COMPARISONS}: {expr!r}")
    value = expr[ops[0]]
    if ops[0] == "in" and not isinstance(value, list):
        raise ExpressionError("'in' takes a list")
    if ops[0] == "answered" and not isinstance(value, bool):
        raise ExpressionError("'answered' takes true or false")
    if ops[0] in ("gt", "gte", "lt", "lte") and (
        isinstance(value, bool) or not isinstance(value, (int, float))
    ):
        raise ExpressionError(f"{ops[0]!r} takes a number")


def expression_fields(expr: Any) -> set[str]:
    """The field names an expression reads."""
    if isinstance(expr, dict):
        if "field" in expr:
            return {expr["field"]}
        out: set[str] = set()
        subs: list[Any] = expr.get("all") or expr.get("any") or []
        for sub in subs:
            out |= expression_fields(sub)
        if "not" in expr:
            out |= expression_fields(expr["not"])
        return out
    return set()


def evaluate(expr: Any, lookup: Callable[[str], Any]) -> bool:
    """The truth of a checked expression, reading answers through `lookup(name)`.

    Total: a missing answer or one of an unexpected type makes a comparison
    false (``answered`` and ``not_equals`` excepted), never an exception.
    """
    if isinstance(expr, bool):
        return expr
    if "all" in expr:
        return all(evaluate(sub, lookup) for sub in expr["all"])
    if "any" in expr:
        return any(evaluate(sub, lookup) for sub in expr["any"])
    if "not" in expr:
        return not evaluate(expr["not"], lookup)
    value = lookup(expr["field"])
    op, arg = next((k, v) for k, v in expr.items() if k != "field")
    if op == "answered":
        return (not is_empty(value)) is arg
    if op == "equals":
        return _same(value, arg)
    if op == "not_equals":
        return not _same(value, arg)
    if op == "in":
        return any(_same(value, a) for a in arg)
    if op == "contains":
        return isinstance(value, list) and any(_same(v, arg) for v in value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    outcome: bool = {"gt": value > arg, "gte": value >= arg, "lt": value < arg, "lte": value <= arg}[op]
    return outcome


def _same(a: Any, b: Any) -> bool:
    # true == 1 in Python; not in a form.
    return type(a) is type(b) and a == b if isinstance(a, bool) or isinstance(b, bool) else a == b


def parse_expression(text: str) -> Any:
    """Read the string form of an expression into its JSON form.

    Grammar: ``expr := and_expr ("or" and_expr)*``; ``and_expr := unary ("and" unary)*``;
    ``unary := "not" unary | "(" expr ")" | "answered" "(" NAME ")" | NAME OP value
    | NAME "in" "(" value ("," value)* ")" | NAME "contains" value``; OP is
    ``= != > >= < <=``; a value is a number, a "string", true, false or null.
    """
    tokens = _tokenize(text)
    pos = 0

    def peek() -> tuple[str, Any] | None:
        return tokens[pos] if pos < len(tokens) else None

    def take(kind: str | None = None, value: Any = None) -> tuple[str, Any]:
        nonlocal pos
        tok = peek()
        if tok is None or (kind and tok[0] != kind) or (value is not None and tok[1] != value):
            raise ExpressionError(f"unexpected {tok[1] if tok else 'end'!r} in {text!r}")
        pos += 1
        return tok

    def is_word(word: str) -> bool:
        tok = peek()
        return tok is not None and tok[0] == "kw" and tok[1] == word

    def literal() -> Any:
        kind, value = take()
        if kind in ("num", "str"):
            return value
        if kind == "kw" and value in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[value]
        raise ExpressionError(f"expected a value, found {value!r} in {text!r}")

    def unary() -> Any:
        if is_word("not"):
            take()
            return {"not": unary()}
        if peek() == ("op", "("):
            take()
            inner = disjunction()
            take("op", ")")
            return inner
        if is_word("answered"):
            take()
            take("op", "(")
            name = take("name")[1]
            take("op", ")")
            return {"field": name, "answered": True}
        name = take("name")[1]
        if is_word("in"):
            take()
            take("op", "(")
            values = [literal()]
            while peek() == ("op", ","):
                take()
                values.append(literal())
            take("op", ")")
            return {"field": name, "in": values}
        if is_word("contains"):
            take()
            return {"field": name, "contains": literal()}
        op = take("op")[1]
        if op not in _STRING_OPS:
            raise ExpressionError(f"expected a comparison after {name!r} in {text!r}")
        return {"field": name, _STRING_OPS[op]: literal()}

    def conjunction() -> Any:
        parts = [unary()]
        while is_word("and"):
            take()
            parts.append(unary())
        return parts[0] if len(parts) == 1 else {"all": parts}

    def disjunction() -> Any:
        parts = [conjunction()]
        while is_word("or"):
            take()
            parts.append(conjunction())
        return parts[0] if len(parts) == 1 else {"any": parts}

    result = disjunction()
    if pos != len(tokens):
        raise ExpressionError(f"unexpected {tokens[pos][1]!r} in {text!r}")
    check_expression(result)
    return result


def _tokenize(text: str) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise ExpressionError(f"cannot read {text[pos:pos + 10]!r} in {text!r}")
        pos = m.end()
        if m.group("num") is not None:
            raw = m.group("num")
            out.append(("num", float(raw) if "." in raw else int(raw)))
        elif m.group("str") is not None:
            out.append(("str", json.loads(m.group("str"))))
        elif m.group("op") is not None:
            out.append(("op", m.group("op")))
        else:
            word = m.group("name")
            out.append(("kw" if word in _KEYWORDS else "name", word))
    return out


def format_expression(expr: Any) -> str:
    """The string form of an expression (parse_expression reads it back)."""
    if isinstance(expr, bool):
        raise ExpressionError("true/false alone has no string form")

    def value(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False)

    def fmt(e: Any) -> str:
        if "all" in e:
            return "(" + " and ".join(fmt(s) for s in e["all"]) + ")"
        if "any" in e:
            return "(" + " or ".join(fmt(s) for s in e["any"]) + ")"
        if "not" in e:
            return "not " + fmt(e["not"])
        name = e["field"]
        op, arg = next((k, v) for k, v in e.items() if k != "field")
        if op == "answered":
            return f"answered({name})" if arg else f"not answered({name})"
        if op == "in":
            return f"{name} in (" + ", ".join(value(a) for a in arg) + ")"
        if op == "contains":
            return f"{name} contains {value(arg)}"
        return f"{name} {_OP_STRINGS[op]} {value(arg)}"

    return fmt(expr)

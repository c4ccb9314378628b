"""Read data/*.yml safely, validate it against the model, and report every problem with its place.

A problem reads `data/partners.yml:42:5: partners[3].sector: expected one of public, private, vcs; got
'publc'`. All problems in all files are collected before anything is raised, so an editor fixes them in
one pass.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .compact import Compact
from .model import (
    ONE_LINE_PATTERN,
    REFUSED_CHARACTERS,
    SLUG_PATTERN,
    Agreement,
    ChangelogFile,
    ConcernsFile,
    Document,
    HealthRules,
    MeetingsFile,
    NotesFile,
    PartnersFile,
    PrinciplesFile,
    Resolution,
)

Loc = tuple[str | int, ...]

# The data files, in the order they are read and reported; each with the model of its whole content.
DATA_FILES: dict[str, type[BaseModel]] = {
    "document.yml": Document,
    "notes.yml": NotesFile,
    "partners.yml": PartnersFile,
    "principles.yml": PrinciplesFile,
    "agreement.yml": Agreement,
    "meetings.yml": MeetingsFile,
    "concerns.yml": ConcernsFile,
    "health.yml": HealthRules,
    "resolution.yml": Resolution,
    "changelog.yml": ChangelogFile,
}

# Within these lists, these fields must not repeat (a URL or a heading would then be ambiguous).
UNIQUE_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "notes.yml": {"notes": ("id",)},
    "partners.yml": {"sectors": ("key",), "types": ("key", "name"), "partners": ("slug", "name")},
    "principles.yml": {"parties": ("key",), "objectives": ("number", "slug"), "principles": ("slug",)},
    "agreement.yml": {"duties": ("key",)},
    "meetings.yml": {"meetings": ("held_on",)},
    "resolution.yml": {"contacts": ("key", "name")},
    "changelog.yml": {"entries": ("id",)},
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file, and where."""

    file: str
    line: int
    column: int
    where: str
    message: str

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return f"{self.file}:{self.line}:{self.column}: {where}{self.message}"


class DataError(Exception):
    """The data cannot be published: every problem found, in file order."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the data; nothing was built:"
        super().__init__("\n".join([heading, *(f"  {p}" for p in self.problems)]))


# --- YAML with marks -------------------------------------------------------------------------------


@dataclass
class YamlDocument:
    """A parsed YAML file, with the line and column of every value and key (1-based)."""

    data: Any
    value_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    last_lines: dict[Loc, int] = field(default_factory=dict)  # of each top-level value: where a list of entries ends
    collections_seen: set[int] = field(default_factory=set)  # ids of list and mapping nodes built so far

    def mark(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The place of loc, or of its nearest enclosing value when loc itself is absent (a missing field)."""
        if key and loc in self.key_marks:
            return self.key_marks[loc]
        while loc not in self.value_marks and loc:
            loc = loc[:-1]
        return self.value_marks.get(loc, (1, 1))


def _position(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


class _SafeLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader (libyaml's parser where PyYAML has it: several times faster), reading dates
    as text: the model parses them, so an impossible date is a located error, not a crash."""

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


# The tags a collection may carry: the plain ones. Any other (!!python/...) is refused, never constructed.
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_STR_TAG = "tag:yaml.org,2002:str"


def parse_yaml(text: str, file: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse with PyYAML's safe loader, refusing duplicate keys; return the document or its problems."""
    text = text.removeprefix("\ufeff")  # a byte-order mark from a Windows editor is harmless
    try:
        loader = _SafeLoader(text)  # PyYAML's own reader checks the characters here; libyaml's, as it parses
    except yaml.reader.ReaderError:
        return None, [_unreadable_character(text, file)]
    try:
        root = loader.get_single_node()
        if root is None:
            return None, [Problem(file, 1, 1, "", "the file is empty; expected a mapping of fields")]
        document = YamlDocument(None)
        problems: list[Problem] = []
        document.data = _construct(loader, root, (), document, problems, file)
        return (None if problems else document), problems
    except yaml.MarkedYAMLError as error:
        line, column, message = _syntax_problem(error, text.splitlines())
        return None, [Problem(file, line, column, "", f"YAML syntax: {message}")]
    except yaml.reader.ReaderError:
        return None, [_unreadable_character(text, file)]
    finally:
        loader.dispose()


def _syntax_problem(error: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, int, str]:
    """Where a file stops being YAML, and why in plain words with the likely fix: PyYAML's own words ("mapping values
    are not allowed in this context") name the parser's state, not the editor's mistake, and sometimes the line after it."""
    mark = error.problem_mark or error.context_mark
    line, column = _position(mark) if mark else (1, 1)
    problem = str(error.problem or "")

    def text_of(number: int) -> str:
        return lines[number - 1] if 0 < number <= len(lines) else ""

    for number in (line, line - 1):  # a tab is found where it breaks the indentation, or at the next line
        indentation = text_of(number)[: len(text_of(number)) - len(text_of(number).lstrip())]
        if "\t" in indentation:
            return number, indentation.index("\t") + 1, "this line is indented with a tab; use spaces"
    if "could not find expected ':'" in problem and error.context_mark:  # found on the line after the key
        line, column = _position(error.context_mark)
        return line, column, "this line has no ':' after its field name; write 'field: value'"
    if "mapping values are not allowed" in problem:
        return line, column, "this value holds ': ', which YAML reads as another field; put the value in quotes (\"...\")"
    previous = next((n for n in range(line - 1, 0, -1) if text_of(n).strip() and not text_of(n).lstrip().startswith("#")), 0)
    if text_of(previous).rstrip().endswith("[]") and text_of(line).lstrip().startswith("- "):
        return previous, text_of(previous).index("[]") + 1, "[] is an empty list, so no item may follow it: remove [] before adding the first item"
    reason = " ".join(str(part) for part in (error.context, error.problem) if part)
    return line, column, reason


def _unreadable_character(text: str, file: str) -> Problem:
    """The first character that YAML does not allow in a file, such as a control character pasted from a word
    processor: the only reason PyYAML's reader refuses a text. Found again here by the reader's own rule, as
    libyaml's error gives a count of bytes, not a line and column."""
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    assert found is not None, "PyYAML's reader refused a text that its own rule allows"
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return Problem(file, line, column, "", f"YAML syntax: the character U+{ord(found.group()):04X} is not allowed (a control character, often pasted from a word processor); delete it")


def _construct(
    loader: yaml.SafeLoader | yaml.CSafeLoader, node: yaml.Node, loc: Loc, doc: YamlDocument, problems: list[Problem], file: str
) -> Any:
    """Build Python values from a node tree, noting each value's mark under its location."""
    doc.value_marks[loc] = _position(node.start_mark)
    if len(loc) == 1:  # a block ends where the next key starts: the line before it is its last (or the file's)
        doc.last_lines[loc] = node.end_mark.line + (1 if node.end_mark.column else 0)
    if isinstance(node, yaml.CollectionNode):
        if node.tag not in _COLLECTION_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise yaml.MarkedYAMLError(problem=f"tag {tag!r} is not allowed", problem_mark=node.start_mark)
        if id(node) in doc.collections_seen:  # an alias (*name) of a list or mapping: it could nest without end
            line, column = doc.key_marks.get(loc) or _position(node.start_mark)
            problems.append(Problem(file, line, column, _dotted(loc), "YAML syntax: aliases (*name) of lists and mappings are not allowed; write the value out"))
            return None
        doc.collections_seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.CollectionNode):  # "? [a, b]": a key that no field could have
                line, column = _position(key_node.start_mark)
                problems.append(Problem(file, line, column, _dotted(loc), "YAML syntax: a key must be a name, not a list or a mapping"))
                continue
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                line, column = _position(key_node.start_mark)
                first_line = doc.key_marks[(*loc, key)][0]
                problems.append(
                    Problem(file, line, column, _dotted((*loc, key)), f"duplicate key; first given on line {first_line}")
                )
                continue
            doc.key_marks[(*loc, key)] = _position(key_node.start_mark)
            result[key] = _construct(loader, value_node, (*loc, key), doc, problems, file)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(loader, item, (*loc, index), doc, problems, file) for index, item in enumerate(node.value)]
    if node.tag == _STR_TAG:  # most values: the text itself, without PyYAML's constructor (a third of a large file's load)
        return node.value
    return loader.construct_object(node, deep=True)


def _dotted(loc: Loc) -> str:
    """partners[3].sector, for a location ('partners', 3, 'sector')."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


# --- Validation ------------------------------------------------------------------------------------


def _describe(error: dict[str, Any], fields: Iterable[str]) -> str:
    """Say what was expected and what was found, in words an editor can act on."""
    kind, found = error["type"], error.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1])
        close = difflib.get_close_matches(name, list(fields), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else f"; expected one of {', '.join(fields)}"
        return f"unknown field {name!r}{hint}"
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", error["ctx"]["expected"])
        expected = f"one of {', '.join(choices)}"
    elif kind == "string_pattern_mismatch" and error["ctx"]["pattern"] == SLUG_PATTERN:
        expected = "lower-case letters, digits and single hyphens, like 'stafford-borough-council'"
    elif kind == "string_pattern_mismatch" and error["ctx"]["pattern"] in REFUSED_CHARACTERS:
        if error["ctx"]["pattern"] == ONE_LINE_PATTERN:
            expected = "one line of text, without line breaks or control characters"
        else:
            expected = "text without control characters, its lines broken by new lines only"
        # Which character, and after what: the text itself may run to thousands of characters, and the character
        # may not show in an editor (a carriage return, U+2028).
        refused = REFUSED_CHARACTERS[error["ctx"]["pattern"]].search(found)
        assert refused is not None, "a text the pattern refused holds none of the characters it refuses"
        return f"expected {expected}; got U+{ord(refused[0]):04X} after {found[max(0, refused.start() - 20) : refused.start()]!r}"
    elif kind == "value_error":
        return error["msg"].removeprefix("Value error, ")
    elif kind.startswith("date_"):
        return f"write dates as YYYY-MM-DD, e.g. 2015-03-02, a day that exists; got {found!r}"
    elif kind == "string_too_long":
        return f"expected at most {error['ctx']['max_length']} characters; got {len(found)}: shorten it"
    elif kind == "string_type" and isinstance(found, bool):
        return "expected text; YAML reads yes, no, on, off, true and false as true or false: put the value in quotes"
    else:
        expected = re.sub(r"^(Input|String|Value|List|Date) should (be |have |match )?", "", error["msg"])
    got = "" if isinstance(found, (dict, list)) else f"; got {found!r}"
    return f"expected {expected}{got}"


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names allowed at loc's parent, for suggesting the right spelling of an unknown field."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if isinstance(current, type) else None
        if field is None:
            return []
        annotation = field.annotation
        args = getattr(annotation, "__args__", ())
        current = args[0] if args else annotation
    return list(current.model_fields) if isinstance(current, type) and issubclass(current, BaseModel) else []


def _duplicates(file: str, doc: YamlDocument) -> list[Problem]:
    """Values that must be unique within a list and are not."""
    problems = []
    data = doc.data if isinstance(doc.data, dict) else {}
    for list_name, fields in UNIQUE_FIELDS.get(file.rsplit("/", 1)[-1], {}).items():
        items = data.get(list_name)
        for field_name in fields:
            seen: dict[Any, int] = {}
            for index, item in enumerate(items if isinstance(items, list) else []):
                value = _name(item, field_name) if isinstance(item, dict) else None
                if value is None:
                    continue
                folded = value.casefold() if isinstance(value, str) else value
                if folded in seen:
                    loc = (list_name, index, field_name)
                    line, column = doc.mark(loc)
                    first = f"{list_name}[{seen[folded]}]"
                    problems.append(Problem(file, line, column, _dotted(loc), f"duplicate {field_name} {value!r}; already used by {first}"))
                else:
                    seen[folded] = index
    return problems


# Lists whose entries have pages of their own, at /<list>/<slug>/.
ADDRESSED_LISTS = {"partners.yml": "partners", "principles.yml": "principles"}
# Lists whose entries make pages of their own, by data file: each such page is dated by its entry's lines.
ENTRY_LISTS = {"partners.yml": ("partners",), "principles.yml": ("objectives", "principles")}


def _address_clashes(file: str, doc: YamlDocument) -> list[Problem]:
    """A former slug keeps an old address alive, so it may not be an address that is in use already."""
    list_name = ADDRESSED_LISTS.get(file.rsplit("/", 1)[-1])
    items = doc.data.get(list_name) if list_name and isinstance(doc.data, dict) else None
    entries = [(index, item) for index, item in enumerate(items) if isinstance(item, dict)] if isinstance(items, list) else []
    taken = {item["slug"]: f"{list_name}[{index}].slug" for index, item in reversed(entries) if isinstance(item.get("slug"), str)}
    problems = []
    for index, item in entries:
        former = item.get("former_slugs")
        for position, old in enumerate(former if isinstance(former, list) else []):
            loc = (list_name, index, "former_slugs", position)
            if not isinstance(old, str):
                continue  # not an address at all: validation says so
            if old in taken:
                line, column = doc.mark(loc)
                problems.append(Problem(file, line, column, _dotted(loc), f"the address {old!r} is already used by {taken[old]}"))
            else:
                taken[old] = _dotted(loc)
    return problems


def _entry_lines(shown: str, document: YamlDocument) -> dict[tuple[str, str], dict[str, tuple[int, int]]]:
    """The first and last line of each entry with a page of its own, by (file, list) and slug: for dating the page.

    An entry runs from its own first line to the line before the next entry, or to the end of its list (not of
    the file: another list may follow), so a comment just above an entry counts with the entry before it.
    """
    lines = {}
    for list_name in ENTRY_LISTS.get(shown.rsplit("/", 1)[-1], ()):
        items = _items(document.data, list_name)
        starts = sorted((document.mark((list_name, index))[0], item["slug"]) for index, item in enumerate(items) if isinstance(item.get("slug"), str))
        ends = [start - 1 for start, _ in starts[1:]] + [document.last_lines.get((list_name,), 0)]  # none if no entries
        lines[(shown, list_name)] = {slug: (start, end) for (start, slug), end in zip(starts, ends)}
    return lines


def _name(item: dict[str, Any], field: str) -> Any:
    """An entry's key, slug or number as written, for looking up by it; None if it is a list or a mapping,
    which names nothing (validation reports it in its place)."""
    value = item.get(field)
    return None if isinstance(value, (list, dict)) else value


def _items(data: Any, list_name: str) -> list[dict[str, Any]]:
    """The mapping items of a raw list, to learn the keys it declares before full validation."""
    items = data.get(list_name) if isinstance(data, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _cross_reference_context(documents: dict[str, tuple[str, YamlDocument]]) -> dict[str, Any]:
    """The keys each file declares, for checking the references of the others. A file that could not be read
    declares nothing checkable: its references are left unchecked (None), not refused against an empty list, so
    that its one mistake is not repeated as a false one at every reference to it."""

    def declared(file: str, list_name: str, make: Callable[[list[dict[str, Any]]], Any]) -> Any:
        return make(_items(documents[file][1].data, list_name)) if file in documents else None

    def places(file: str, list_name: str, field: str) -> dict[Any, str] | None:
        """Where each entry of a list is, by its key, as `data/partners.yml:251 (partners[22])`: for a message
        about two records that contradict each other, to name the other's place."""
        if file not in documents:
            return None
        shown, document = documents[file]
        items = document.data.get(list_name) if isinstance(document.data, dict) else None
        return {
            _name(item, field): f"{shown}:{document.mark((list_name, index))[0]} ({list_name}[{index}])"
            for index, item in enumerate(items if isinstance(items, list) else [])
            if isinstance(item, dict) and isinstance(_name(item, field), str)
        }

    return {
        "notes": declared("notes.yml", "notes", lambda notes: {_name(note, "id"): note.get("quote") for note in notes}),
        "partner_types": declared("partners.yml", "types", lambda types: {_name(kind, "key") for kind in types}),
        "type_sectors": declared("partners.yml", "types", lambda types: {_name(kind, "key"): kind.get("sector") for kind in types}),
        "type_places": places("partners.yml", "types", "key"),
        "objectives": declared("principles.yml", "objectives", lambda objectives: {_name(o, "number") for o in objectives}),
        "parties": declared("principles.yml", "parties", lambda parties: {_name(party, "key") for party in parties}),
        "partners": declared("partners.yml", "partners", lambda partners: {_name(partner, "slug") for partner in partners}),
        "partner_status": declared("partners.yml", "partners", lambda partners: {_name(p, "slug"): p.get("status") for p in partners}),
        "partner_places": places("partners.yml", "partners", "slug"),
        # As written (dates are read as text): a changelog entry or a meeting must agree with the partner's own dates.
        "partner_dates": declared(
            "partners.yml",
            "partners",
            lambda partners: {
                _name(partner, "slug"): {kind: partner.get(f"{kind}_on") for kind in ("joined", "signed", "withdrawn")}
                for partner in partners
            },
        ),
    }


def _one_per_mistake(errors: list[Any], model: type[BaseModel]) -> list[Any]:
    """Pydantic's errors, less the 'required field is missing' of a field that is there, misspelt: the unknown
    field's message names the one it is close to, which is the same mistake."""
    misspelt = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            close = difflib.get_close_matches(str(loc[-1]), _fields_at(model, loc), n=1)
            misspelt.update((*loc[:-1], name) for name in close)
    return [error for error in errors if not (error["type"] == "missing" and tuple(error["loc"]) in misspelt)]


def load_compact(data_dir: Path, *, root: Path | None = None, read: Callable[[Path], bytes] | None = None) -> Compact:
    """Load, validate and cross-check every data file; raise DataError listing every problem found.

    Problems name files relative to `root` (the project folder, data_dir's parent by default); `read`
    lets a tool validate content that is not on disk yet (a proposed edit).
    """
    return _load_compact(data_dir, root or data_dir.parent, read or Path.read_bytes)


def _load_compact(data_dir: Path, root: Path, read: Callable[[Path], bytes]) -> Compact:
    problems: list[Problem] = []
    documents: dict[str, tuple[str, YamlDocument]] = {}
    for name in DATA_FILES:
        path = data_dir / name
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        try:
            text = read(path).decode("utf-8")
        except FileNotFoundError:
            problems.append(Problem(shown, 1, 1, "", "the file is missing"))
            continue
        except UnicodeDecodeError as error:
            problems.append(Problem(shown, 1, 1, "", f"expected UTF-8 text; byte {error.start} is not"))
            continue
        document, found = parse_yaml(text, shown)
        problems += found
        if document is not None:
            documents[name] = (shown, document)

    context = _cross_reference_context(documents)
    models: dict[str, BaseModel] = {}
    for name, (shown, document) in documents.items():
        problems += _duplicates(shown, document) + _address_clashes(shown, document)
        model = DATA_FILES[name]
        try:
            models[name] = model.model_validate(document.data, context=context)
        except ValidationError as error:
            for detail in _one_per_mistake(error.errors(), model):
                loc = tuple(detail["loc"])
                line, column = document.mark(loc, key=detail["type"] == "extra_forbidden")
                problems.append(Problem(shown, line, column, _dotted(loc), _describe(detail, _fields_at(model, loc))))
    if problems:
        raise DataError(problems)
    entry_lines = {key: lines for shown, document in documents.values() for key, lines in _entry_lines(shown, document).items()}
    return Compact(
        document=models["document.yml"],
        notes=models["notes.yml"].notes,
        partners_file=models["partners.yml"],
        principles_file=models["principles.yml"],
        agreement=models["agreement.yml"],
        meetings=models["meetings.yml"].meetings,
        concerns=models["concerns.yml"].concerns,
        health_rules=models["health.yml"],
        resolution=models["resolution.yml"],
        changelog=models["changelog.yml"].entries,
        entry_lines=entry_lines,
    )

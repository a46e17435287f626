"""Tests of the config loader: the example, the defaults and every kind of problem."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from inboxguard import config
from inboxguard.config import Config, is_loopback, load, parse
from inboxguard.errors import ConfigError

EXAMPLE = Path(__file__).resolve().parents[1] / "config.example.toml"
SOURCE = Path("/home/alan/.config/inboxguard/config.toml")
MINIMAL = """
[account]
email = "alan@example.com"
[imap]
host = "imap.example.com"
[smtp]
host = "smtp.example.com"
"""


def problems(text: str) -> list[str]:
    """The problems parse() reports for `text` (which must be invalid)."""
    with pytest.raises(ConfigError) as caught:
        parse(text, SOURCE)
    return caught.value.problems


def with_table(table: str, body: str, base: str = MINIMAL) -> str:
    """`base` with `body` added to [table] (a new table when base has none)."""
    header = f"[{table}]\n"
    if header in base:
        return base.replace(header, header + body + "\n")
    return base + header + body + "\n"


# --- the example ---------------------------------------------------------------------------------


def test_example_parses_into_the_expected_values() -> None:
    cfg = load(EXAMPLE)

    assert cfg.source == EXAMPLE
    assert cfg.account == config.Account(
        email="alan@example.com",
        name="Alan Porter",
        domains=("example.com",),
        aliases=("a.porter@example.com",),
    )
    assert cfg.account.addresses == ("alan@example.com", "a.porter@example.com")
    assert cfg.imap == config.Server("imap.example.com", 993, "tls", "alan@example.com", None)
    assert cfg.smtp == config.Server("smtp.example.com", 465, "tls", "alan@example.com", None)
    assert cfg.folders == config.Folders(
        "INBOX", None, "Guard/Declined", "Guard/Ignored", "Guard/Invites"
    )
    assert cfg.policy == config.Policy("act", 2, 2, 20, 50000)
    assert not cfg.policy.observe
    assert cfg.lists == config.Lists(
        allow=("partner.example", "boss@bigco.example"), block=("pushy-vendor.example",)
    )
    assert cfg.decline == config.Decline("Re: {subject}", None, False)
    assert cfg.storage_path == config.default_ledger_path()
    assert cfg.daemon == config.Daemon(300, 900)
    assert dict(cfg.weights) == {}


def test_example_commented_out_keys_parse_when_uncommented() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = re.sub(
        r"^# ((?:sent|password_command|path) = (?!\"~/Mail\").*)$", r"\1", text, flags=re.M
    )
    body = re.search(r'^# body = """\n(?:#.*\n)*?# """\n', text, flags=re.M)
    assert body is not None
    text = text.replace(body.group(), re.sub(r"^# ?", "", body.group(), flags=re.M))

    cfg = parse(text, SOURCE)

    assert cfg.folders.sent == "Sent"
    assert cfg.imap.password_command == "pass show mail/alan@example.com"
    assert cfg.storage_path == Path.home() / ".local/share/inboxguard/ledger.sqlite3"
    assert cfg.decline.body is not None
    assert "{user_organisation}" in cfg.decline.body
    assert "remove me and everyone at" in cfg.decline.body


def test_example_shows_every_key() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for table, keys in config._KEYS.items():
        assert f"\n[{table}]\n" in text or f"\n# [{table}]\n" in text
        for key in keys:
            assert re.search(rf"^(# )?{key} = ", text, flags=re.M), f"[{table}] {key}"


# --- defaults ------------------------------------------------------------------------------------


def test_minimal_config_gets_the_defaults() -> None:
    cfg = parse(MINIMAL, SOURCE)

    assert cfg.source == SOURCE
    assert cfg.account == config.Account("alan@example.com", "", ("example.com",), ())
    assert cfg.imap == config.Server("imap.example.com", 993, "tls", "alan@example.com", None)
    assert cfg.smtp == config.Server("smtp.example.com", 465, "tls", "alan@example.com", None)
    assert cfg.folders == config.Folders(
        inbox="INBOX",
        sent=None,
        declined="Guard/Declined",
        ignored="Guard/Ignored",
        invites="Guard/Invites",
    )
    assert cfg.policy == config.Policy(
        mode="act",
        decline_after=2,
        grace_days=2,
        max_declines_per_day=20,
        max_messages_per_pass=50000,
    )
    assert cfg.lists == config.Lists((), ())
    assert cfg.decline == config.Decline("Re: {subject}", None, False)
    assert cfg.storage_path == config.default_ledger_path()
    assert cfg.daemon == config.Daemon(poll_seconds=300, sent_poll_seconds=900)
    assert dict(cfg.weights) == {}


def test_default_paths_come_from_platformdirs() -> None:
    assert config.default_path().name == "config.toml"
    assert config.default_path().parent.name == "inboxguard"
    assert config.default_ledger_path().name == "ledger.sqlite3"
    assert config.default_ledger_path().parent.name == "inboxguard"


@pytest.mark.parametrize(
    ("security", "imap_port", "smtp_port"),
    [("tls", 993, 465), ("starttls", 143, 587)],
)
def test_port_defaults_follow_security(security: str, imap_port: int, smtp_port: int) -> None:
    text = MINIMAL.replace('.example.com"\n', f'.example.com"\nsecurity = "{security}"\n')
    cfg = parse(text, SOURCE)
    assert cfg.smtp is not None
    assert (cfg.imap.security, cfg.imap.port) == (security, imap_port)
    assert (cfg.smtp.security, cfg.smtp.port) == (security, smtp_port)


def test_plain_ports_on_loopback() -> None:
    text = """
        [account]
        email = "alan@example.com"
        [imap]
        host = "127.0.0.1"
        security = "none"
        [smtp]
        host = "localhost"
        security = "none"
    """
    cfg = parse(text, SOURCE)
    assert cfg.smtp is not None
    assert (cfg.imap.port, cfg.smtp.port) == (143, 25)


def test_usernames_default_to_the_email_then_the_imap_username() -> None:
    cfg = parse(with_table("imap", 'username = "alan.p"'), SOURCE)
    assert cfg.imap.username == "alan.p"
    assert cfg.smtp is not None
    assert cfg.smtp.username == "alan.p"


def test_addresses_and_domains_are_lower_cased() -> None:
    text = """
        [account]
        email = "Alan@Example.COM"
        aliases = ["A.Porter@Example.com", "alan@example.com"]
        [imap]
        host = "imap.example.com"
        [smtp]
        host = "smtp.example.com"
        [lists]
        allow = ["Partner.Example", "Boss@BigCo.Example", "partner.example"]
        block = ["PUSHY.example"]
    """
    cfg = parse(text, SOURCE)
    assert cfg.account.email == "alan@example.com"
    assert cfg.account.domains == ("example.com",)
    assert cfg.account.addresses == ("alan@example.com", "a.porter@example.com")
    assert cfg.lists.allow == ("partner.example", "boss@bigco.example")
    assert cfg.lists.block == ("pushy.example",)


def test_webmail_user_may_have_no_own_domains() -> None:
    cfg = parse(with_table("account", "domains = []"), SOURCE)
    assert cfg.account.domains == ()


def test_observe_mode_needs_no_smtp() -> None:
    text = with_table("policy", 'mode = "observe"', MINIMAL.split("[smtp]")[0])
    cfg = parse(text, SOURCE)
    assert cfg.smtp is None
    assert cfg.policy.observe


def test_weights_are_numbers() -> None:
    cfg = parse(with_table("weights", "fake_thread = 2\nbreakup_phrase = -0.5"), SOURCE)
    assert dict(cfg.weights) == {"fake_thread": 2.0, "breakup_phrase": -0.5}
    assert all(type(weight) is float for weight in cfg.weights.values())


def test_decline_templates_with_known_placeholders_and_literal_braces() -> None:
    body = 'body = """\nHi {sender_first_name}, {{not a placeholder}} -- {user_name}\n"""'
    cfg = parse(with_table("decline", f'subject = "No thanks: {{subject}}"\n{body}'), SOURCE)
    assert cfg.decline.subject == "No thanks: {subject}"
    assert cfg.decline.body == "Hi {sender_first_name}, {{not a placeholder}} -- {user_name}\n"


# --- storage path --------------------------------------------------------------------------------


def test_storage_path_relative_to_the_config_folder() -> None:
    cfg = parse(with_table("storage", 'path = "data/ledger.sqlite3"'), SOURCE)
    assert cfg.storage_path == SOURCE.parent / "data/ledger.sqlite3"


def test_storage_path_tilde_is_the_home_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    cfg = parse(with_table("storage", 'path = "~/guard/ledger.sqlite3"'), SOURCE)
    assert cfg.storage_path == tmp_path / "guard/ledger.sqlite3"


def test_storage_path_absolute_is_kept() -> None:
    cfg = parse(with_table("storage", 'path = "/var/lib/guard.sqlite3"'), SOURCE)
    assert cfg.storage_path == Path("/var/lib/guard.sqlite3")


def test_load_makes_a_relative_config_path_absolute(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "guard.toml").write_text(
        with_table("storage", 'path = "ledger.sqlite3"'), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    cfg = load(Path("guard.toml"))
    assert cfg.source == tmp_path / "guard.toml"
    assert cfg.storage_path == tmp_path / "ledger.sqlite3"


# --- frozen --------------------------------------------------------------------------------------


def test_config_is_frozen_and_read_only() -> None:
    cfg = parse(with_table("weights", "fake_thread = 2"), SOURCE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.policy.mode = "observe"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.account = cfg.account  # type: ignore[misc]
    with pytest.raises(TypeError):
        cfg.weights["fake_thread"] = 9.0  # type: ignore[index]
    assert isinstance(cfg.account.domains, tuple)
    assert isinstance(cfg.lists.allow, tuple)
    assert hash(cfg) == hash(parse(with_table("weights", "fake_thread = 2"), SOURCE))


# --- problems ------------------------------------------------------------------------------------


def test_three_mistakes_give_three_lines_and_exit_code_2() -> None:
    text = MINIMAL.replace('host = "imap.example.com"', 'host = "imap.example.com"\nprot = 993')
    text = with_table("policy", 'decline_after = 0\nmode = "observe"', text)
    text = with_table("fodlers", 'inbox = "INBOX"', text)

    with pytest.raises(ConfigError) as caught:
        parse(text, SOURCE)

    error = caught.value
    assert error.exit_code == 2
    assert str(error).splitlines() == [
        f"{SOURCE}: [fodlers]: unknown table (did you mean [folders]?)",
        f'{SOURCE}: [imap] prot: unknown key (did you mean "port"?)',
        f"{SOURCE}: [policy] decline_after: must be a whole number of at least 1, not 0",
    ]


def test_unknown_key_with_a_suggestion() -> None:
    assert problems(with_table("imap", "prot = 993")) == [
        '[imap] prot: unknown key (did you mean "port"?)'
    ]


def test_unknown_key_without_a_close_match_lists_the_known_keys() -> None:
    assert problems(with_table("daemon", "xyzzy = 1")) == [
        '[daemon] xyzzy: unknown key (known: "poll_seconds", "sent_poll_seconds")'
    ]


def test_unknown_table() -> None:
    assert problems(with_table("polcy", 'mode = "act"')) == [
        "[polcy]: unknown table (did you mean [policy]?)"
    ]


def test_key_outside_any_table() -> None:
    assert problems("grace_days = 3\n" + MINIMAL) == [
        "grace_days: unknown key outside any table (did you mean [policy] grace_days?)"
    ]


def test_table_that_is_not_a_table() -> None:
    assert problems("daemon = 5\n" + MINIMAL) == ["[daemon]: must be a table, not 5"]


WHOLE = "must be a whole number"


@pytest.mark.parametrize(
    ("table", "line", "problem"),
    [
        ("imap", "username = 5", "[imap] username: must be a string, not 5"),
        ("account", "name = ['Alan']", "[account] name: must be a string, not a list"),
        ("folders", 'inbox = ""', "[folders] inbox: must not be empty"),
        (
            "policy",
            'mode = "acting"',
            '[policy] mode: must be one of "act", "observe", not "acting"',
        ),
        (
            "imap",
            'security = "ssl"',
            '[imap] security: must be one of "tls", "starttls", "none", not "ssl"',
        ),
        (
            "lists",
            'allow = "x.example"',
            '[lists] allow: must be a list of strings, not "x.example"',
        ),
        ("lists", "block = [1]", "[lists] block: item 1 must be a string, not 1"),
        (
            "decline",
            'auto_submitted = "yes"',
            '[decline] auto_submitted: must be true or false, not "yes"',
        ),
        ("decline", 'subject = "Re:\\nBcc: x"', "[decline] subject: must be one line"),
        ("weights", 'fake_thread = "high"', '[weights] fake_thread: must be a number, not "high"'),
        ("weights", "fake_thread = nan", "[weights] fake_thread: must be a number, not nan"),
        (
            "weights",
            "fake_thread = {a = 1}",
            "[weights] fake_thread: must be a number, not a table",
        ),
        ("daemon", "poll_seconds = 5", f"[daemon] poll_seconds: {WHOLE} of at least 10, not 5"),
        ("policy", "grace_days = -1", f"[policy] grace_days: {WHOLE} of at least 0, not -1"),
        (
            "policy",
            "max_messages_per_pass = 1.5",
            f"[policy] max_messages_per_pass: {WHOLE} of at least 1, not 1.5",
        ),
    ],
)
def test_wrong_type_or_value(table: str, line: str, problem: str) -> None:
    assert problems(with_table(table, line)) == [problem]


@pytest.mark.parametrize(
    ("table", "line", "problem"),
    [
        (
            "policy",
            "decline_after = true",
            f"[policy] decline_after: {WHOLE} of at least 1, not true",
        ),
        ("imap", "port = false", f"[imap] port: {WHOLE} from 1 to 65535, not false"),
        ("weights", "fake_thread = true", "[weights] fake_thread: must be a number, not true"),
    ],
)
def test_a_bool_is_not_a_number(table: str, line: str, problem: str) -> None:
    assert problems(with_table(table, line)) == [problem]


def test_missing_required_keys() -> None:
    assert problems("[imap]\n[smtp]\n") == [
        '[account] email: required (e.g. email = "you@example.com")',
        '[imap] host: required (e.g. host = "imap.example.com")',
        '[smtp] host: required (e.g. host = "smtp.example.com")',
    ]


@pytest.mark.parametrize("email", ["alan", "alan@", "@example.com", "a@b@example.com", "a b@c.d"])
def test_email_must_be_one_address(email: str) -> None:
    text = MINIMAL.replace('"alan@example.com"', f'"{email}"')
    assert problems(text) == [
        f'[account] email: must be an address like you@example.com, not "{email}"'
    ]


@pytest.mark.parametrize("port", ['"abc"', "0", "65536", "99.5", "-1"])
def test_bad_port(port: str) -> None:
    assert problems(with_table("smtp", f"port = {port}")) == [
        f"[smtp] port: must be a whole number from 1 to 65535, not {port}"
    ]


def test_host_with_a_port_or_scheme() -> None:
    text = MINIMAL.replace('"imap.example.com"', '"imaps://imap.example.com:993"')
    assert problems(text) == [
        "[imap] host: must be a host name or IP address (no scheme, no port), "
        'not "imaps://imap.example.com:993"'
    ]


@pytest.mark.parametrize("table", ["imap", "smtp"])
def test_security_none_to_a_remote_host(table: str) -> None:
    assert problems(with_table(table, 'security = "none"')) == [
        f'[{table}] security: "none" sends the password unencrypted; allowed only for a '
        f'loopback host, not "{table}.example.com"'
    ]


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.8.9.10", "LocalHost"])
def test_security_none_to_loopback_is_allowed(host: str) -> None:
    text = MINIMAL.replace("imap.example.com", host).replace("smtp.example.com", host)
    text = text.replace(f'"{host}"\n', f'"{host}"\nsecurity = "none"\n')
    cfg = parse(text, SOURCE)
    assert cfg.imap.security == "none"
    assert cfg.smtp is not None
    assert cfg.smtp.security == "none"


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("localhost.", True),
        ("LOCALHOST", True),
        ("127.0.0.1", True),
        ("127.255.255.254", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("128.0.0.1", False),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.10", False),
        ("localhost.example.com", False),
        ("mylocalhost", False),
        ("", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_missing_smtp_in_act_mode() -> None:
    text = MINIMAL.split("[smtp]")[0]
    assert problems(text) == ['[smtp]: required when [policy] mode = "act"']
    assert problems(with_table("policy", 'mode = "act"', text)) == [
        '[smtp]: required when [policy] mode = "act"'
    ]


KNOWN = (
    "known: {sender_first_name}, {sender_name}, {subject}, {user_first_name}, {user_name}, "
    "{user_organisation}, {vendor}"
)
BRACES = "write {{ or }} for a literal brace"


@pytest.mark.parametrize(
    ("key", "template", "problem"),
    [
        ("subject", "Re: {subjet}", "unknown placeholder {subjet} (did you mean {subject}?)"),
        (
            "body",
            "Hello {sender_first}",
            "unknown placeholder {sender_first} (did you mean {sender_first_name}?)",
        ),
        ("body", "Hello {0}", f"unknown placeholder {{0}} ({KNOWN})"),
        ("body", "Hello {}", f"unknown placeholder {{}} ({KNOWN})"),
        (
            "body",
            "Hi {vendor.name}",
            "placeholder {vendor.name} must be a bare name: write {vendor}",
        ),
        ("body", "Hi {vendor[0]}", "placeholder {vendor[0]} must be a bare name: write {vendor}"),
        (
            "subject",
            "Re: {subject:>40}",
            "placeholder {subject:>40} must be a bare name: write {subject}",
        ),
        ("body", "Hello {vendor!r}", "placeholder {vendor!r} must be a bare name: write {vendor}"),
        ("body", "Hello {vendor", f"bad braces (expected '}}' before end of string); {BRACES}"),
        (
            "subject",
            "Re: } {subject}",
            f"bad braces (Single '}}' encountered in format string); {BRACES}",
        ),
    ],
)
def test_bad_decline_placeholder(key: str, template: str, problem: str) -> None:
    assert problems(with_table("decline", f"{key} = '{template}'")) == [
        f"[decline] {key}: {problem}"
    ]


@pytest.mark.parametrize(
    "entry", ["", "foo bar.example", "@bigco.example", "a@b@c.example", ".bigco.example", "x/y"]
)
def test_bad_list_entry(entry: str) -> None:
    assert problems(with_table("lists", f'allow = ["ok.example", "{entry}"]')) == [
        "[lists] allow: item 2 must be an address (a@b.example) or a domain "
        f'(b.example, which covers its subdomains), not "{entry}"'
    ]


def test_bad_alias_and_domain() -> None:
    text = with_table("account", 'aliases = ["alan"]\ndomains = ["example.com", "x@y.example"]')
    assert problems(text) == [
        '[account] domains: item 2 must be a domain like example.com, not "x@y.example"',
        '[account] aliases: item 1 must be an address like you@example.com, not "alan"',
    ]


def test_syntax_error_is_one_line_with_its_position() -> None:
    with pytest.raises(ConfigError) as caught:
        parse(MINIMAL + "[policy]\nmode = act\n", SOURCE)
    assert caught.value.problems == ["TOML syntax error: Invalid value (at line 9, column 8)"]
    assert str(caught.value) == f"{SOURCE}: TOML syntax error: Invalid value (at line 9, column 8)"


def test_duplicate_key_is_a_syntax_error() -> None:
    (problem,) = problems(MINIMAL + "[policy]\ngrace_days = 1\ngrace_days = 2\n")
    assert problem.startswith("TOML syntax error: ")
    assert "line 10" in problem


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "config.toml"
    with pytest.raises(ConfigError) as caught:
        load(path)
    assert caught.value.exit_code == 2
    assert str(caught.value) == (
        f'{path}: no config file here; run "guard init" or pass --config PATH'
    )


def test_load_without_a_path_reads_the_default_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(config, "default_path", lambda: tmp_path / "config.toml")
    with pytest.raises(ConfigError) as caught:
        load()
    assert caught.value.path == tmp_path / "config.toml"
    (tmp_path / "config.toml").write_text(MINIMAL, encoding="utf-8")
    assert load().source == tmp_path / "config.toml"


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        load(tmp_path)  # a folder, not a file
    assert caught.value.problems == ["cannot read the file: Is a directory"]


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(MINIMAL.encode() + b"# caf\xe9\n")
    with pytest.raises(ConfigError) as caught:
        load(path)
    assert caught.value.problems == [f"not UTF-8 text (bad byte at offset {len(MINIMAL) + 5})"]


def test_file_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load(path).account.email == "alan@example.com"


def test_parse_returns_a_config() -> None:
    assert isinstance(parse(MINIMAL, SOURCE), Config)

"""The search index on each database: what the migration builds, and how a search reads it.

Every review, show and person has one row in the ``magazine_search`` table,
kept current by triggers on their own tables, so ``queryset.update()``,
``bulk_create()`` and raw SQL keep it in step as well as ``save()``. The index
holds items in every state; a search keeps only what ``live()`` lets through
when it runs, so a scheduled review becomes findable on its minute.

A row's key is the item's id × 10 + its kind (1 review, 2 show, 3 person): one
integer that SQLite's FTS5 looks up by rowid. A review's row carries its show's
title (weight B), copied from the show's own row, so no trigger names another
app's table. That matters on SQLite: a migration that rebuilds a table (most
AddField and AlterField operations do) drops that table's triggers, and would
fail outright if another table's trigger named it. ``repair_after_migrate``
puts the triggers back and rebuilds the index when that has happened.

SQLite: an FTS5 table, ``unicode61 remove_diacritics 2``, with prefix indexes for 3 and 4 letters, ranked by bm25().
That tokenizer strips accents but keeps letters such as ø, ł, ß and æ, so each row also holds, in ``folded``, its
words with a letter outside ASCII in the magazine's one folding (``editorial.names.fold``: Søren → soren), written by
a function registered on every SQLite connection (``register_sqlite_functions``).
PostgreSQL: a table with a stored, GIN-indexed tsvector (kept in the row, not in TOAST) in the
``magazine_search`` text search configuration (``simple`` behind
``unaccent``), ranked with ts_rank and marked with SearchHeadline over search.models.IndexEntry. Neither stems words,
so both find the same things. Scoring a tsvector made at query time costs seconds at 10,000 reviews;
a stored one costs milliseconds.

A search ranks the newest ``ranked_at_most()`` live matches, whatever the words: one query finds and ranks them, one
marks the page's rows.
"""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connections
from django.db.models import F
from django.db.models.expressions import RawSQL
from django.db.models.functions import Mod

from editorial import registry
from editorial.names import WORD, fold, without_accents

MARK_START, MARK_STOP = "\x02", "\x03"  # never in typed text; escaped and turned into <mark> by search.query
SNIPPET_WORDS = 30



@dataclass(frozen=True)
class Source:
    """One registered content type, as the index's SQL names it: its table and the columns of each weight.
    A row of an item with a parent (a review's show) carries the parent's title in ``show_title`` (B) and its
    id in ``show_id``."""

    kind: int
    model: type
    table: str
    title: str
    standfirst: str | None
    body: str
    parent_column: str | None = None
    parent_kind: int | None = None
    suffix: str | None = None  # a column whose text follows the parent's title in ``show_title``


def column_of(meta, field_name: str | None) -> str | None:
    return meta.get_field(field_name).column if field_name else None


def sources() -> list[Source]:
    """What the registry says to index, parents before the items that copy their titles."""
    found = []
    kinds = {r.model: r.search.kind for r in registry.registrations() if r.search}
    for registration in registry.registrations():
        spec, meta = registration.search, registration.model._meta
        if spec is None:
            continue
        parent = meta.get_field(spec.parent) if spec.parent else None
        found.append(Source(spec.kind, registration.model, meta.db_table, column_of(meta, spec.title),
                            column_of(meta, spec.standfirst), column_of(meta, spec.body),
                            parent.column if parent else None, kinds[parent.related_model] if parent else None,
                            column_of(meta, spec.parent_suffix)))
    return sorted(found, key=lambda source: source.parent_column is not None)


def folded_words(*texts: str) -> str:
    """The words that fold to more than their accents (Søren, Straße), folded: what the SQLite index adds so that
    "Soren" finds "Søren"."""
    words = (word for text in texts for word in WORD.findall(text or "") if not word.isascii())
    return " ".join(dict.fromkeys(fold(word) for word in words if fold(word) != without_accents(word)))


def register_sqlite_functions(sender, connection, **kwargs):
    """The index's triggers call ``magazine_folded_words``; every SQLite connection Django opens gets it."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("magazine_folded_words", 4, folded_words, deterministic=True)


def ranked_at_most() -> int:
    """How many matches a search ranks, the newest: a word in most reviews costs what a rarer one does."""
    return settings.SEARCH_CANDIDATES


def is_prefix(term: str) -> bool:
    """Match the start of longer words: from 3 letters ("palla"), or any word in a script other than Latin's
    ("바다" in "바다의"). "é" is the letter e, not the start of every word beginning with one."""
    return len(term) >= 3 or not fold(term).isascii()


def word_starts(terms: list[str], every_word: bool = False) -> tuple[bool, ...]:
    """Which words also match the start of longer ones: the last, the one a reader may still be typing, or every
    word when asked. Earlier words are whole words: gathering every word that starts with "quietly" or "film" as
    well costs a common word several times what the word alone does, on both databases."""
    last = len(terms) - 1
    return tuple(is_prefix(term) and (every_word or n == last) for n, term in enumerate(terms))


@dataclass(frozen=True)
class Hit:
    """One matching row, its text with the matched words between MARK_START and MARK_STOP."""

    kind: int
    pk: int
    title: str
    show_title: str
    standfirst: str
    body: str


def backend_for(connection):
    return PostgresBackend(connection) if connection.vendor == "postgresql" else SqliteBackend(connection)


class Backend:
    table = "magazine_search"
    one_by_one = ""  # what keeps the live check a lookup by key for each row

    def __init__(self, connection):
        self.connection = connection
        self._ranked = {}

    @cached_property
    def sources(self) -> list[Source]:
        """For building the index: the registered content types whose tables exist yet (a later migration may
        add one; then ``repair_after_migrate`` finds its triggers missing and indexes it)."""
        tables = set(self.connection.introspection.table_names())
        return [source for source in sources() if source.table in tables]

    # Building the index

    def install(self):
        with self.connection.cursor() as cursor:
            for statement in self.schema() + self.triggers():
                cursor.execute(statement)
        self.rebuild()

    def rebuild(self):
        """Index every row again, whatever the triggers missed."""
        with self.connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {self.table}")
            for source in self.sources:  # parents first: a review copies its show's title from the show's row
                cursor.execute(
                    f"INSERT INTO {self.table} ({self.key}, title, show_title, standfirst, body, show_id) "
                    f"SELECT id * 10 + {source.kind}, {self.row_values(source, 't.')} FROM {source.table} t"
                )
            for statement in self.after_rebuild():
                cursor.execute(statement)

    def after_rebuild(self) -> list[str]:
        return []

    def row_values(self, source: Source, prefix: str) -> str:
        """The columns after the key, as SQL, for the row ``prefix`` names (``NEW.`` in a trigger)."""
        standfirst = f"coalesce({prefix}{source.standfirst}, '')" if source.standfirst else "''"
        texts = f"coalesce({prefix}{source.title}, ''), {{}}, {standfirst}, coalesce({prefix}{source.body}, '')"
        if not source.parent_column:
            return texts.format("''") + ", NULL"
        parent = f"{prefix}{source.parent_column}"
        title = f"(SELECT p.title FROM {self.table} p WHERE p.{self.key} = {parent} * 10 + {source.parent_kind})"
        suffix = f" || coalesce({prefix}{source.suffix}, '')" if source.suffix else ""
        return texts.format(f"coalesce({title}, ''){suffix}") + f", {parent}"

    @staticmethod
    def watched_columns(source: Source) -> str:
        columns = [source.title, source.standfirst, source.body, source.parent_column, source.suffix]
        return ", ".join(column for column in columns if column)

    @staticmethod
    def retitled(source: Source) -> str:
        """A child row's ``show_title`` once its parent's title changed: the new title, then what followed the old
        one (a review's ", season 2")."""
        return f"NEW.{source.title} || substr(show_title, length(OLD.{source.title}) + 1)"

    def reinstall_triggers(self):
        """The triggers made again as ``triggers()`` says (after their SQL changed), and every row indexed anew."""
        with self.connection.cursor() as cursor:
            for statement in self.drop_triggers() + self.triggers():
                cursor.execute(statement)
        self.rebuild()

    def children(self, source: Source) -> list[Source]:
        return [child for child in self.sources if child.parent_kind == source.kind]

    def missing_triggers(self) -> bool:
        with self.connection.cursor() as cursor:
            cursor.execute(self.existing_triggers)
            return bool(set(self.trigger_names()) - {name for (name,) in cursor.fetchall()})

    # Searching

    @cached_property
    def live_condition(self):
        """SQL that keeps a matching row only if live() lets its item through, as every public page does.

        Each row is checked against its own item by primary key (an EXISTS a match): cheaper than listing
        every live item first, on both databases, whenever the words are rarer than "the".
        """
        conditions, params = [], []
        for source in sources():  # searching: every registered table exists; no need to ask the database
            item = RawSQL(f"{self.table}.{self.key} / 10", ())
            sql, item_params = (source.model.objects.live().order_by().filter(pk=item).values("pk").query
                                .sql_with_params())
            conditions.append(f"({self.table}.{self.key} %% 10 = {source.kind} AND EXISTS ({sql}{self.one_by_one}))")
            params += item_params
        return "(" + " OR ".join(conditions) + ")", params

    def ranked(self, terms: list[str]) -> tuple[list[int], bool]:
        """The keys of the live rows among the newest ``ranked_at_most()`` matches, best first, and whether more
        matched. Asked once a search: the count and the page both read it. When nothing matches with the earlier
        words whole, every word may be the start of a longer one ("sherm palla")."""
        key = tuple(terms)
        if key not in self._ranked:
            starts = word_starts(terms)
            ids, more = self.newest_ranked(terms, starts)
            if not ids and not more and starts != word_starts(terms, every_word=True):
                starts = word_starts(terms, every_word=True)
                ids, more = self.newest_ranked(terms, starts)
            self._ranked[key] = ids, more, starts
        ids, more, _ = self._ranked[key]
        return ids, more

    def starts_ranked(self, terms: list[str]) -> tuple[bool, ...]:
        """The word starts ``ranked`` matched with: the page marks the same words."""
        self.ranked(terms)
        return self._ranked[tuple(terms)][2]

    def newest_ranked(self, terms: list[str], starts: tuple[bool, ...]) -> tuple[list[int], bool]:
        raise NotImplementedError

    def count(self, terms: list[str]) -> tuple[int, bool]:
        """Live matches among the newest ``ranked_at_most()``, and whether more matched."""
        ids, more = self.ranked(terms)
        return len(ids), more

    def item_ids(self, kind: int, terms: list[str], limit: int) -> list[int]:
        """Items of one kind whose words match, in any state: the admin's search, where drafts count (every word
        the start of a longer one: the first thousand matches, unranked, cost little)."""
        where, params = self.words_match(terms, word_starts(terms, every_word=True))
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT {self.key} / 10 FROM {self.table} WHERE {where} AND {self.key} %% 10 = %s "
                           f"LIMIT %s", [*params, kind, limit])
            return [row[0] for row in cursor.fetchall()]

    def page(self, terms: list[str], offset: int, limit: int) -> list[Hit]:
        raise NotImplementedError

    def hits(self, sql, params) -> list[Hit]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [Hit(key % 10, key // 10, *texts) for key, *texts in cursor.fetchall()]


class SqliteBackend(Backend):
    key = "rowid"
    existing_triggers = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    # bm25() weights, one a column: title, show_title, standfirst, body, show_id (not indexed), folded.
    weights = "10.0, 4.0, 4.0, 1.0, 0.0, 2.0"
    fold = "folded = magazine_folded_words(title, {show_title}, standfirst, body)"
    # Words starting with these many letters are also indexed as one entry each, so a search for "the" or "film"
    # reads one list instead of gathering those of every word beginning with them (1.7 s for "the").
    prefix_lengths = "3 4"

    def schema(self):
        return [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.table} USING fts5("
            "title, show_title, standfirst, body, show_id UNINDEXED, folded, "
            f"tokenize = 'unicode61 remove_diacritics 2', prefix = '{self.prefix_lengths}')"
        ]

    def named_triggers(self) -> dict[str, str]:
        triggers = {}
        for source in self.sources:
            kind, table, name = source.kind, source.table, f"{self.table}_{source.table}"
            insert = (f"DELETE FROM {self.table} WHERE rowid = NEW.id * 10 + {kind}; "
                      f"INSERT INTO {self.table} (rowid, title, show_title, standfirst, body, show_id) "
                      f"VALUES (NEW.id * 10 + {kind}, {self.row_values(source, 'NEW.')}); "
                      f"UPDATE {self.table} SET {self.fold.format(show_title='show_title')} "
                      f"WHERE rowid = NEW.id * 10 + {kind};")
            delete = f"DELETE FROM {self.table} WHERE rowid = OLD.id * 10 + {kind};"
            triggers[f"{name}_insert"] = f"AFTER INSERT ON {table} BEGIN {insert} END"
            triggers[f"{name}_update"] = (f"AFTER UPDATE OF {self.watched_columns(source)} ON {table} "
                                          f"BEGIN {delete} {insert} END")
            triggers[f"{name}_delete"] = f"AFTER DELETE ON {table} BEGIN {delete} END"
            kinds = ", ".join(str(child.kind) for child in self.children(source))
            if kinds:  # the items that carry this one's title
                triggers[f"{name}_{source.title}"] = (
                    f"AFTER UPDATE OF {source.title} ON {table} WHEN OLD.{source.title} IS NOT NEW.{source.title} "
                    f"BEGIN UPDATE {self.table} SET show_title = {self.retitled(source)}, "
                    f"{self.fold.format(show_title=self.retitled(source))} "
                    f"WHERE show_id = NEW.id AND rowid % 10 IN ({kinds}); END")
        return triggers

    def triggers(self):
        return [f"CREATE TRIGGER IF NOT EXISTS {name} {body}" for name, body in self.named_triggers().items()]

    def trigger_names(self):
        return list(self.named_triggers())

    def after_rebuild(self):
        return [f"UPDATE {self.table} SET {self.fold.format(show_title='show_title')}"]

    def has_current_schema(self) -> bool:
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [self.table])
            row = cursor.fetchone()
        return row is not None and f"prefix = '{self.prefix_lengths}'" in row[0]

    def remake(self):
        """The FTS table made again as ``schema()`` says, with every row it held (an option such as a prefix index
        is set when the table is made). The triggers name the table, so they stand as they are."""
        columns = "title, show_title, standfirst, body, show_id, folded"
        kept = f"temp.{self.table}_kept"
        with self.connection.cursor() as cursor:
            cursor.execute(f"CREATE TABLE {kept} AS SELECT rowid AS row_key, {columns} FROM {self.table}")
            cursor.execute(f"DROP TABLE {self.table}")
            for statement in self.schema():
                cursor.execute(statement)
            cursor.execute(f"INSERT INTO {self.table} (rowid, {columns}) SELECT row_key, {columns} FROM {kept}")
            cursor.execute(f"DROP TABLE {kept}")
            cursor.execute(f"INSERT INTO {self.table} ({self.table}) VALUES ('optimize')")

    def drop_triggers(self):
        return [f"DROP TRIGGER IF EXISTS {name}" for name in self.named_triggers()]

    def uninstall(self):
        with self.connection.cursor() as cursor:
            for statement in self.drop_triggers():
                cursor.execute(statement)
            cursor.execute(f"DROP TABLE IF EXISTS {self.table}")

    @staticmethod
    def match(terms, starts):
        """Each word a quoted string (so AND, NEAR, * and quotes mean nothing), some the start of a longer word."""
        quoted = ('"{}"'.format(t.replace('"', '""')) for t in terms)
        return " ".join(f"{word}*" if start else word for word, start in zip(quoted, starts, strict=True))

    def words_match(self, terms, starts):
        return f"{self.table} MATCH %s", [self.match(terms, starts)]

    def matching(self):
        live, live_params = self.live_condition
        return f"{self.table} MATCH %s AND {live}", live_params

    def newest_ranked(self, terms, starts):
        """One pass over the newest live matches, bm25() worked out for them alone."""
        where, live_params = self.matching()
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT rowid, bm25({self.table}, {self.weights}) FROM {self.table} WHERE {where} "
                           f"ORDER BY rowid DESC LIMIT %s",
                           [self.match(terms, starts), *live_params, ranked_at_most() + 1])
            rows = cursor.fetchall()
        best_first = sorted(rows[:ranked_at_most()], key=lambda row: (row[1], -row[0]))
        return [rowid for rowid, _ in best_first], len(rows) > ranked_at_most()

    def page(self, terms, offset, limit):
        """Mark the page's rows. They are read as a rowid range, the list only filtering it (``+rowid``): FTS5
        looks up each rowid of a ``rowid IN (…)`` on its own, matching the words again each time."""
        ids = self.ranked(terms)[0][offset:offset + limit]
        if not ids:
            return []
        marks = f"'{MARK_START}', '{MARK_STOP}'"
        sql = (
            f"SELECT rowid, highlight({self.table}, 0, {marks}), highlight({self.table}, 1, {marks}), "
            f"snippet({self.table}, 2, {marks}, '…', {SNIPPET_WORDS}), "
            f"snippet({self.table}, 3, {marks}, '…', {SNIPPET_WORDS}) "
            f"FROM {self.table} WHERE {self.table} MATCH %s AND rowid BETWEEN %s AND %s "
            f"AND +rowid IN ({', '.join(['%s'] * len(ids))})"
        )
        hits = self.hits(sql, [self.match(terms, self.starts_ranked(terms)), min(ids), max(ids), *ids])
        position = {key: n for n, key in enumerate(ids)}
        return sorted(hits, key=lambda hit: position[hit.pk * 10 + hit.kind])


class PostgresBackend(Backend):
    key = "id"
    existing_triggers = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    # Without it the planner may check the 500 candidates against a hash of every show, read whole (17 ms for
    # "lantern ember"): it counts every candidate as asking, not only the shows' rows. An OFFSET in the EXISTS keeps
    # PostgreSQL from turning it into that hash.
    one_by_one = " OFFSET 0"
    config = "magazine_search"
    word_types = ("asciiword, asciihword, hword_asciipart, word, hword, hword_part, "
                  "numword, numhword, hword_numpart")

    def schema(self):
        vector = " || ".join(
            f"setweight(to_tsvector('{self.config}'::regconfig, {column}), '{weight}')"
            for column, weight in (("title", "A"), ("show_title", "B"), ("standfirst", "B"), ("body", "C"))
        )
        return [
            "CREATE EXTENSION IF NOT EXISTS unaccent",
            f"CREATE TEXT SEARCH CONFIGURATION {self.config} (COPY = pg_catalog.simple)",
            f"ALTER TEXT SEARCH CONFIGURATION {self.config} ALTER MAPPING FOR {self.word_types} WITH unaccent, simple",
            f"CREATE TABLE {self.table} (id bigint PRIMARY KEY, title text NOT NULL, show_title text NOT NULL, "
            f"standfirst text NOT NULL, body text NOT NULL, show_id bigint, "
            f"document tsvector GENERATED ALWAYS AS ({vector}) STORED)",
            f"ALTER TABLE {self.table} ALTER COLUMN document SET STORAGE MAIN",
            f"CREATE INDEX {self.table}_document ON {self.table} USING gin (document)",
            f"CREATE INDEX {self.table}_show_id ON {self.table} (show_id)",
        ]

    def triggers(self):
        statements = []
        for source in self.sources:
            kind, table, function = source.kind, source.table, f"{self.table}_{source.table}"
            kinds = ", ".join(str(child.kind) for child in self.children(source))
            show_title = (f"IF TG_OP = 'UPDATE' THEN IF OLD.{source.title} IS DISTINCT FROM NEW.{source.title} THEN "
                          f"UPDATE {self.table} SET show_title = {self.retitled(source)} WHERE show_id = NEW.id "
                          f"AND id % 10 IN ({kinds}); END IF; END IF; " if kinds else "")
            statements += [
                f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                f"IF TG_OP = 'TRUNCATE' THEN DELETE FROM {self.table} WHERE id % 10 = {kind}; RETURN NULL; END IF; "
                f"IF TG_OP <> 'INSERT' THEN DELETE FROM {self.table} WHERE id = OLD.id * 10 + {kind}; END IF; "
                f"IF TG_OP <> 'DELETE' THEN "
                f"DELETE FROM {self.table} WHERE id = NEW.id * 10 + {kind}; "
                f"INSERT INTO {self.table} (id, title, show_title, standfirst, body, show_id) "
                f"VALUES (NEW.id * 10 + {kind}, {self.row_values(source, 'NEW.')}); END IF; "
                f"{show_title} RETURN NULL; END $$",
                f"CREATE OR REPLACE TRIGGER {function} AFTER INSERT OR DELETE OR UPDATE OF "
                f"{self.watched_columns(source)} ON {table} FOR EACH ROW EXECUTE FUNCTION {function}()",
                f"CREATE OR REPLACE TRIGGER {function}_truncate AFTER TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()",
            ]
        return statements

    def trigger_names(self):
        functions = [f"{self.table}_{source.table}" for source in sources()]
        return functions + [f"{function}_truncate" for function in functions]

    def drop_triggers(self):
        return []  # CREATE OR REPLACE makes them again

    def uninstall(self):
        with self.connection.cursor() as cursor:
            for source in self.sources:
                cursor.execute(f"DROP FUNCTION IF EXISTS {self.table}_{source.table}() CASCADE")
            cursor.execute(f"DROP TABLE IF EXISTS {self.table}")
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {self.config}")

    @staticmethod
    def tsquery(terms, starts):
        """Plain words joined by &, some the start of a longer word: to_tsquery syntax is only ever made here."""
        return " & ".join(f"{t}:*" if start else t for t, start in zip(terms, starts, strict=True))

    def query(self, terms, starts) -> SearchQuery:
        return SearchQuery(self.tsquery(terms, starts), search_type="raw", config=self.config)

    def words_match(self, terms, starts):  # for the shared item_ids(): the same query, as SQL
        return f"document @@ to_tsquery('{self.config}', %s)", [self.tsquery(terms, starts)]

    def entries(self):
        from search.models import IndexEntry

        return IndexEntry.objects.using(self.connection.alias).annotate(item=F("id") / 10, kind=Mod("id", 10))

    def newest_ranked(self, terms, starts):
        """One query, in two plain steps so the planner cannot choose to rank every row: the newest matches by the
        primary key (PostgreSQL walks the index back and stops, or reads the few rows of a rare word), then a rank
        for the live ones among them. Sorted here: the list is short, and its order is the rank's then the key's."""
        live, live_params = self.live_condition
        query, words = f"to_tsquery('{self.config}', %s)", self.tsquery(terms, starts)
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, CASE WHEN {live} THEN ts_rank(document, {query}) END "
                f"FROM (SELECT id, document FROM {self.table} WHERE document @@ {query} "
                f"      ORDER BY id DESC LIMIT %s) AS {self.table} ORDER BY id DESC",
                [*live_params, words, words, ranked_at_most() + 1],
            )
            newest = cursor.fetchall()
        live_rows = [(rank, row_id) for row_id, rank in newest[:ranked_at_most()] if rank is not None]
        return [row_id for _, row_id in sorted(live_rows, reverse=True)], len(newest) > ranked_at_most()

    def page(self, terms, offset, limit):
        """Headlines made for the page's rows alone, in the order ``ranked`` gave."""
        ids = self.ranked(terms)[0][offset:offset + limit]
        query = self.query(terms, self.starts_ranked(terms))
        whole = {"start_sel": MARK_START, "stop_sel": MARK_STOP, "highlight_all": True, "config": self.config}
        passages = {"start_sel": MARK_START, "stop_sel": MARK_STOP, "max_words": SNIPPET_WORDS, "min_words": 12,
                    "max_fragments": 2, "fragment_delimiter": " … ", "config": self.config}
        rows = self.entries().filter(id__in=ids).annotate(
            marked_title=SearchHeadline("title", query, **whole),
            marked_show_title=SearchHeadline("show_title", query, **whole),
            marked_standfirst=SearchHeadline("standfirst", query, **passages),
            marked_body=SearchHeadline("body", query, **passages),
        ).values_list("id", "marked_title", "marked_show_title", "marked_standfirst", "marked_body")
        position = {key: n for n, key in enumerate(ids)}
        return [Hit(key % 10, key // 10, *texts) for key, *texts in sorted(rows, key=lambda row: position[row[0]])]


def repair_after_migrate(sender=None, using="default", **kwargs):
    """After migrate: a migration that rebuilt a table (SQLite does, for most changes) took its triggers with it."""
    if sender is not None and sender.label != "search":
        return  # post_migrate comes once an app; once is enough
    connection = connections[using]
    if "magazine_search" not in connection.introspection.table_names():
        return
    backend = backend_for(connection)
    if backend.missing_triggers():
        with connection.cursor() as cursor:
            for statement in backend.triggers():
                cursor.execute(statement)
        backend.rebuild()

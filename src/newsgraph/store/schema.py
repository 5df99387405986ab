"""The versioned schema: an ordered list of migrations; the store's version is their count.

SQLite keeps the version in ``PRAGMA user_version``. Never edit a released migration: append a
new one. A PostgreSQL store would run the same list (with ``BIGSERIAL`` for the integer keys
and a ``tsvector`` column + GIN index in place of the FTS5 table).
"""

from __future__ import annotations

V1 = """
CREATE TABLE articles (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    story_id TEXT NOT NULL,
    title TEXT, section TEXT, source TEXT, published TEXT, url TEXT, author TEXT,
    origin TEXT, input_kind TEXT,
    text TEXT NOT NULL,
    json TEXT NOT NULL,
    n_entities INTEGER NOT NULL DEFAULT 0,
    n_quotes INTEGER NOT NULL DEFAULT 0,
    n_times INTEGER NOT NULL DEFAULT 0,
    n_figures INTEGER NOT NULL DEFAULT 0,
    n_events INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX articles_published ON articles(published DESC, id);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_source ON articles(source);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='pk', tokenize='porter unicode61'
);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    first_article TEXT NOT NULL
);

CREATE TABLE signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash BLOB NOT NULL
);

CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT,
    PRIMARY KEY (article_id, id)
);
CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, id) ON DELETE CASCADE
);
CREATE INDEX mentions_entity ON mentions(article_id, entity_id);
CREATE TABLE entity_facts (
    article_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    kind TEXT NOT NULL,  -- title | alias | affiliation
    value TEXT NOT NULL,
    FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, id) ON DELETE CASCADE
);
CREATE INDEX entity_facts_entity ON entity_facts(article_id, entity_id);

CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    speaker TEXT,
    speaker_text TEXT,
    cue TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(article_id, speaker);
CREATE TABLE quote_mentions (  -- entities mentioned inside a quote: quotes "about" them
    article_id TEXT NOT NULL,
    quote_idx INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (article_id, quote_idx, entity_id),
    FOREIGN KEY (article_id, quote_idx) REFERENCES quotes(article_id, idx) ON DELETE CASCADE
);
CREATE INDEX quote_mentions_entity ON quote_mentions(article_id, entity_id);
CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    type TEXT NOT NULL, value TEXT NOT NULL, anchor TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE figures (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    value REAL, unit TEXT, kind TEXT NOT NULL, currency TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    type TEXT NOT NULL, mode TEXT, trigger TEXT NOT NULL,
    trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
    actor TEXT, target TEXT, place TEXT,
    time TEXT, date TEXT, factuality TEXT NOT NULL, sentence TEXT,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_type ON events(type);
CREATE TABLE removed (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE kb_entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT,
    n_articles INTEGER NOT NULL DEFAULT 0,  -- distinct stories: copies count once
    n_mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX kb_entities_rank ON kb_entities(n_articles DESC, id);
CREATE INDEX kb_entities_type_rank ON kb_entities(type, n_articles DESC, id);

CREATE TABLE kb_links (  -- article entity -> KB entity, with the evidence of the merge
    article_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    kb_id TEXT NOT NULL REFERENCES kb_entities(id),
    evidence TEXT NOT NULL,
    score REAL NOT NULL,
    n_mentions INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, entity_id),
    FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, id) ON DELETE CASCADE
);
CREATE INDEX kb_links_kb ON kb_links(kb_id, article_id, entity_id);

CREATE TABLE entity_keys (  -- blocking keys of each article entity (see kb/resolve.py)
    article_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (article_id, entity_id, key),
    FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE kb_keys (  -- union of the keys of a KB entity's linked article entities
    key TEXT NOT NULL,
    kb_id TEXT NOT NULL,
    PRIMARY KEY (key, kb_id)
) WITHOUT ROWID;
CREATE INDEX kb_keys_kb ON kb_keys(kb_id);
"""

# v2: per-KB-entity counts of titles, aliases and affiliations, kept on save, so entity lists
# need not aggregate every linked article entity.
V2 = """
CREATE TABLE kb_facts (
    kb_id TEXT NOT NULL,
    kind TEXT NOT NULL,  -- title | alias | affiliation
    value TEXT NOT NULL,
    n INTEGER NOT NULL,  -- linked article entities stating it
    PRIMARY KEY (kb_id, kind, value)
) WITHOUT ROWID;
INSERT INTO kb_facts(kb_id, kind, value, n)
    SELECT l.kb_id, f.kind, f.value, count(*) FROM kb_links l JOIN entity_facts f
    ON f.article_id = l.article_id AND f.entity_id = l.entity_id GROUP BY l.kb_id, f.kind, f.value;
"""

# v3: full-text index over quote texts (quotes by text without scanning every quote).
V3 = """
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, article_id UNINDEXED, idx UNINDEXED, tokenize='porter unicode61'
);
INSERT INTO quotes_fts(text, article_id, idx) SELECT text, article_id, idx FROM quotes;
"""

# v4: article metadata in a covering index, so joins and sorts by date never read the article
# rows (which hold whole texts).
V4 = """
CREATE INDEX articles_meta ON articles(id, published, story_id, source, title);
"""

# v5: order-independent resolution (kb/resolve.py). Each article entity's cluster key is kept
# (kb_members) with the blocks short forms look in (kb_blocks); joins of short keys to longer
# ones (kb_roots); blocks and KB entities to settle after a batch (kb_dirty, kb_touched); and the
# corrections people make, as constraints later ingests respect (kb_constraints). A KB entity's
# aggregates (facts, search keys, names, types, countries, stories, mentions) are kept by
# triggers on kb_links, so linking or moving one article entity costs the same in any store.
# The old links are dropped here and rebuilt from the stored entities when the store opens.
V5 = """
DELETE FROM kb_facts;
DELETE FROM kb_links;
DELETE FROM kb_entities;
DROP TABLE kb_keys;
ALTER TABLE kb_entities ADD COLUMN status TEXT NOT NULL DEFAULT 'resolved';
CREATE TABLE kb_keys (  -- name-search keys of a KB entity, counted over its linked entities
    key TEXT NOT NULL,
    kb_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (key, kb_id)
) WITHOUT ROWID;
CREATE INDEX kb_keys_kb ON kb_keys(kb_id);
CREATE TABLE kb_stats (  -- name | type | country | sure: counted over linked entities
    kb_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (kb_id, kind, value)
) WITHOUT ROWID;
CREATE TABLE kb_stories (
    kb_id TEXT NOT NULL,
    story_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (kb_id, story_id)
) WITHOUT ROWID;
CREATE TABLE kb_members (
    article_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    grp TEXT NOT NULL,
    kind TEXT NOT NULL,  -- name | surname | unresolved
    key TEXT,
    display TEXT NOT NULL,
    evidence TEXT NOT NULL,
    score REAL NOT NULL,
    given TEXT, middles TEXT, surname TEXT,
    PRIMARY KEY (article_id, entity_id),
    FOREIGN KEY (article_id, entity_id) REFERENCES entities(article_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX kb_members_key ON kb_members(key);
CREATE TABLE kb_blocks (
    block TEXT NOT NULL,
    article_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (block, article_id, entity_id)
) WITHOUT ROWID;
CREATE TABLE kb_roots (key TEXT PRIMARY KEY, root TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX kb_roots_root ON kb_roots(root);
CREATE TABLE kb_dirty (block TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE kb_touched (kb_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE kb_constraints (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,  -- merge: subject kb id joins object kb id | split: subject article/entity
    subject TEXT NOT NULL,
    object TEXT,
    created TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX kb_constraints_subject ON kb_constraints(kind, subject);

CREATE TRIGGER kb_link_added AFTER INSERT ON kb_links BEGIN
    INSERT INTO kb_facts(kb_id, kind, value, n)
        SELECT NEW.kb_id, kind, value, 1 FROM entity_facts
        WHERE article_id = NEW.article_id AND entity_id = NEW.entity_id
        ON CONFLICT(kb_id, kind, value) DO UPDATE SET n = n + 1;
    INSERT INTO kb_keys(key, kb_id, n)
        SELECT key, NEW.kb_id, 1 FROM entity_keys
        WHERE article_id = NEW.article_id AND entity_id = NEW.entity_id
        ON CONFLICT(key, kb_id) DO UPDATE SET n = n + 1;
    INSERT INTO kb_stats(kb_id, kind, value, n)
        SELECT NEW.kb_id, 'name', display, 1 FROM kb_members
        WHERE article_id = NEW.article_id AND entity_id = NEW.entity_id
        UNION ALL SELECT NEW.kb_id, 'type', type, 1 FROM entities
        WHERE article_id = NEW.article_id AND id = NEW.entity_id
        UNION ALL SELECT NEW.kb_id, 'country', country, 1 FROM entities
        WHERE article_id = NEW.article_id AND id = NEW.entity_id AND country IS NOT NULL
        UNION ALL SELECT NEW.kb_id, 'sure', '1', 1 WHERE NEW.score > 0
        ON CONFLICT(kb_id, kind, value) DO UPDATE SET n = n + 1;
    INSERT INTO kb_stories(kb_id, story_id, n)
        SELECT NEW.kb_id, story_id, 1 FROM articles WHERE id = NEW.article_id
        ON CONFLICT(kb_id, story_id) DO UPDATE SET n = n + 1;
    UPDATE kb_entities SET n_mentions = n_mentions + NEW.n_mentions WHERE id = NEW.kb_id;
END;

CREATE TRIGGER kb_link_removed AFTER DELETE ON kb_links BEGIN
    UPDATE kb_facts SET n = n - 1 WHERE kb_id = OLD.kb_id AND (kind, value) IN (
        SELECT kind, value FROM entity_facts
        WHERE article_id = OLD.article_id AND entity_id = OLD.entity_id);
    UPDATE kb_keys SET n = n - 1 WHERE kb_id = OLD.kb_id AND key IN (
        SELECT key FROM entity_keys
        WHERE article_id = OLD.article_id AND entity_id = OLD.entity_id);
    UPDATE kb_stats SET n = n - 1 WHERE kb_id = OLD.kb_id AND (
        (kind = 'name' AND value = (SELECT display FROM kb_members
            WHERE article_id = OLD.article_id AND entity_id = OLD.entity_id))
        OR (kind = 'type' AND value = (SELECT type FROM entities
            WHERE article_id = OLD.article_id AND id = OLD.entity_id))
        OR (kind = 'country' AND value = (SELECT country FROM entities
            WHERE article_id = OLD.article_id AND id = OLD.entity_id))
        OR (kind = 'sure' AND OLD.score > 0));
    UPDATE kb_stories SET n = n - 1 WHERE kb_id = OLD.kb_id
        AND story_id = (SELECT story_id FROM articles WHERE id = OLD.article_id);
    UPDATE kb_entities SET n_mentions = n_mentions - OLD.n_mentions WHERE id = OLD.kb_id;
    DELETE FROM kb_facts WHERE kb_id = OLD.kb_id AND n <= 0;
    DELETE FROM kb_keys WHERE kb_id = OLD.kb_id AND n <= 0;
    DELETE FROM kb_stats WHERE kb_id = OLD.kb_id AND n <= 0;
    DELETE FROM kb_stories WHERE kb_id = OLD.kb_id AND n <= 0;
END;

CREATE TRIGGER kb_story_added AFTER INSERT ON kb_stories BEGIN
    UPDATE kb_entities SET n_articles = n_articles + 1 WHERE id = NEW.kb_id;
END;

CREATE TRIGGER kb_story_removed AFTER DELETE ON kb_stories BEGIN
    UPDATE kb_entities SET n_articles = n_articles - 1 WHERE id = OLD.kb_id;
END;
"""

# v6: output contract v2 (docs/output.md): a span lies in the article's title or its body, and
# its offsets index that field. Rows written before v6 are all body spans. And what each
# quote's cue attributes (Quote.cue_kind: speech | thought | evaluation | document | other), so a
# reader can keep only speech; quotes stored before it have none (NULL).
V6 = """
ALTER TABLE mentions ADD COLUMN field TEXT NOT NULL DEFAULT 'body';
ALTER TABLE quotes ADD COLUMN field TEXT NOT NULL DEFAULT 'body';
ALTER TABLE times ADD COLUMN field TEXT NOT NULL DEFAULT 'body';
ALTER TABLE figures ADD COLUMN field TEXT NOT NULL DEFAULT 'body';
ALTER TABLE events ADD COLUMN field TEXT NOT NULL DEFAULT 'body';
ALTER TABLE quotes ADD COLUMN cue_kind TEXT;
"""

# Every event mention is stored: events.type becomes nullable (NULL = not a PLOVER event).
# SQLite cannot drop a NOT NULL in place, so the table is copied (PostgreSQL: ALTER TABLE
# events ALTER COLUMN type DROP NOT NULL).
V7 = """
CREATE TABLE events_v6 (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    type TEXT, mode TEXT, trigger TEXT NOT NULL,
    trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
    actor TEXT, target TEXT, place TEXT,
    time TEXT, date TEXT, factuality TEXT NOT NULL, sentence TEXT,
    field TEXT NOT NULL DEFAULT 'body',
    PRIMARY KEY (article_id, id)
);
INSERT INTO events_v6 SELECT article_id, id, type, mode, trigger, trigger_start, trigger_end,
    actor, target, place, time, date, factuality, sentence, field FROM events;
DROP TABLE events;
ALTER TABLE events_v6 RENAME TO events;
CREATE INDEX events_date ON events(date);
CREATE INDEX events_type ON events(type);
"""

# v8: articles stored with resolution deferred (``ingest --no-resolve``, many writers): the
# resolver pass (``newsgraph resolve``) links their entities and files their stories, oldest first.
V8 = """
CREATE TABLE kb_pending (article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE)
    WITHOUT ROWID;
"""

# v9: the body's language (Article.language) as a column, so search can filter and count by it.
# Articles stored before v9 have none (NULL) and show under no language.
V9 = """
ALTER TABLE articles ADD COLUMN language TEXT;
"""

MIGRATIONS: list[str] = [V1, V2, V3, V4, V5, V6, V7, V8, V9]
RESOLUTION_VERSION = 5  # stores older than this re-resolve their entities when opened
VERSION = len(MIGRATIONS)

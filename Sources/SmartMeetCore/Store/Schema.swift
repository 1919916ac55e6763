import Foundation
import GRDB

/// The database schema as named, append-only migrations. A migration that has shipped
/// is never edited; changes go in a new one.
enum Schema {
    /// Bumped with every migration; a database from a newer smartmeet is refused.
    static let version = 1

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-core") { db in
            try db.execute(sql: """
                CREATE TABLE meetings (
                    id INTEGER PRIMARY KEY,
                    title TEXT NOT NULL,
                    date TEXT NOT NULL,
                    source TEXT NOT NULL,
                    format TEXT NOT NULL,
                    content_hash TEXT NOT NULL UNIQUE,
                    attendees TEXT NOT NULL DEFAULT '[]',
                    turn_count INTEGER NOT NULL,
                    imported_at TEXT NOT NULL
                );
                CREATE INDEX meetings_by_date ON meetings(date, source);

                CREATE TABLE turns (
                    id INTEGER PRIMARY KEY,
                    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    speaker TEXT NOT NULL,
                    text TEXT NOT NULL,
                    section TEXT
                );
                CREATE UNIQUE INDEX turns_by_meeting ON turns(meeting_id, position);

                CREATE VIRTUAL TABLE turns_fts USING fts5(text, speaker, content='turns', content_rowid='id',
                                                          tokenize='porter unicode61 remove_diacritics 2');

                CREATE TABLE extractions (
                    meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
                    extractor TEXT NOT NULL,
                    payload TEXT NOT NULL
                );

                CREATE TABLE people (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE COLLATE NOCASE
                );

                CREATE TABLE entities (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    type TEXT NOT NULL,
                    anchor TEXT,
                    first_meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
                    first_date TEXT NOT NULL
                );
                CREATE INDEX entities_by_first_meeting ON entities(first_meeting_id);
                CREATE INDEX entities_by_first_date ON entities(first_date);

                CREATE TABLE aliases (
                    id INTEGER PRIMARY KEY,
                    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
                    meeting_date TEXT NOT NULL,
                    alias TEXT NOT NULL,
                    normalized TEXT NOT NULL,
                    UNIQUE(entity_id, normalized)
                );
                CREATE INDEX aliases_by_meeting ON aliases(meeting_id);
                CREATE INDEX aliases_by_normalized ON aliases(normalized);
                CREATE INDEX aliases_by_date ON aliases(meeting_date);

                CREATE TABLE alias_tokens (
                    alias_id INTEGER NOT NULL REFERENCES aliases(id) ON DELETE CASCADE,
                    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                    token TEXT NOT NULL
                );
                CREATE INDEX alias_tokens_by_token ON alias_tokens(token);
                CREATE INDEX alias_tokens_by_alias ON alias_tokens(alias_id);
                CREATE INDEX alias_tokens_by_entity ON alias_tokens(entity_id);

                CREATE TABLE mentions (
                    id INTEGER PRIMARY KEY,
                    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
                    meeting_date TEXT NOT NULL,
                    surface TEXT NOT NULL,
                    turn_position INTEGER NOT NULL
                );
                CREATE INDEX mentions_by_entity ON mentions(entity_id, meeting_date);
                CREATE INDEX mentions_by_meeting ON mentions(meeting_id);

                CREATE TABLE states (
                    id INTEGER PRIMARY KEY,
                    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
                    meeting_date TEXT NOT NULL,
                    state TEXT NOT NULL,
                    owner TEXT,
                    due TEXT,
                    evidence TEXT NOT NULL,
                    turn_position INTEGER NOT NULL,
                    UNIQUE(entity_id, meeting_id)
                );
                CREATE INDEX states_by_entity_date ON states(entity_id, meeting_date);
                CREATE INDEX states_by_meeting ON states(meeting_id);
                CREATE INDEX states_by_date ON states(meeting_date);

                CREATE TABLE transitions (
                    id INTEGER PRIMARY KEY,
                    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                    meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
                    meeting_date TEXT NOT NULL,
                    from_state TEXT NOT NULL,
                    to_state TEXT NOT NULL,
                    reason TEXT NOT NULL
                );
                CREATE INDEX transitions_by_entity_date ON transitions(entity_id, meeting_date);
                CREATE INDEX transitions_by_meeting ON transitions(meeting_id);
                CREATE INDEX transitions_by_date ON transitions(meeting_date);

                CREATE TABLE settings (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                );
                """)
        }
        m.registerMigration("v1-vectors") { db in
            try db.execute(sql: """
                CREATE TABLE turn_vectors (
                    turn_id INTEGER PRIMARY KEY REFERENCES turns(id) ON DELETE CASCADE,
                    embedder TEXT NOT NULL,
                    vector BLOB NOT NULL
                );
                """)
        }
        m.registerMigration("v2-llm-cache") { db in
            // Responses only: the key is a hash of model and prompt, never a credential.
            try db.execute(sql: """
                CREATE TABLE llm_cache (
                    key TEXT PRIMARY KEY,
                    model TEXT NOT NULL,
                    response TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                """)
        }
        m.registerMigration("v3-fts-vocabulary") { db in
            // Document counts per indexed term, so search can leave out words so common
            // that scoring them costs more than they tell.
            try db.execute(sql: "CREATE VIRTUAL TABLE turns_vocab USING fts5vocab('turns_fts', 'row')")
        }
        m.registerMigration("v4-embeddings") { db in
            // Sentence vectors, written by the background indexer after a meeting is stored
            // (never in the import's transaction), one row per turn and model so switching
            // models never throws the other's vectors away. `id` only grows, so search loads
            // just the rows written since it last looked. The vector is int8-quantised: a
            // little-endian float32 scale, then one signed byte per dimension.
            // turn_vectors held the hashed vectors import used to write inline; they are
            // recomputed (cheaply) into the new table.
            try db.execute(sql: """
                CREATE TABLE turn_embeddings (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    turn_id INTEGER NOT NULL REFERENCES turns(id) ON DELETE CASCADE,
                    model TEXT NOT NULL,
                    vector BLOB NOT NULL,
                    UNIQUE(model, turn_id)
                );
                CREATE INDEX turn_embeddings_by_turn ON turn_embeddings(turn_id);
                DROP TABLE turn_vectors;
                """)
        }
        m.registerMigration("v5-corrections") { db in
            // The user's corrections, kept as records of their own and laid over what the
            // extractor found (see Corrections/). Entities and meetings are named by what
            // survives re-resolution (names, content hash), never by row ids.
            try db.execute(sql: """
                CREATE TABLE corrections (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    entity_key TEXT NOT NULL,
                    entity_name TEXT NOT NULL,
                    other_key TEXT,
                    other_name TEXT,
                    meeting_hash TEXT,
                    meeting_source TEXT,
                    meeting_date TEXT,
                    value TEXT NOT NULL DEFAULT '{}',
                    created_at TEXT NOT NULL,
                    undone_at TEXT
                );
                ALTER TABLE entities ADD COLUMN dismissed INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE entities ADD COLUMN renamed INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE entities ADD COLUMN merged INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE states ADD COLUMN by_user INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE states ADD COLUMN original TEXT;
                """)
        }
        return m
    }
}

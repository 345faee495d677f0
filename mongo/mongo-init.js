// Prepares the `randomuser` database: the six facet collections, `dead_letters`, and the indexes the
// example queries in mongo/queries.js use.
//
// Runs unchanged in two places:
//   - the local stack:  mongosh "$MONGODB_URI" mongo/mongo-init.js   (mongo-java-server with H2 storage,
//                       the mongodb-server module)
//   - Docker Compose:   mounted into the official mongo image's /docker-entrypoint-initdb.d/, where the
//                       entrypoint runs `mongosh --quiet "$MONGO_INITDB_DATABASE" mongo-init.js` once, on
//                       an empty data volume. There `db` is MONGO_INITDB_DATABASE ("test" unless set),
//                       so this script never relies on `db` and always uses getSiblingDB.
//
// Idempotent: only missing collections and indexes are created, so running it again changes nothing.
// Any other error aborts with a non-zero exit (the mongo image's entrypoint then stops, loudly).
//
// What the common path avoids, and what each server does with it:
//   - `createCollection` on an existing name fails with NamespaceExists (on MongoDB when options differ):
//     collections are created only when listCollections does not report them.
//   - Creating an index whose keys already exist under another name fails (IndexOptionsConflict):
//     indexes are compared by key, not by name, before creating.
//   - No `$jsonSchema` validator, TTL or partial index: validation happens in the streaming job, and dead
//     letters are kept until someone deletes them.
//   - The local server keeps and lists every index below but uses only unique ones: the `_id` index, which
//     every upsert and every join of the six collections goes through, is a real index there; the
//     secondary indexes below (all non-unique) are recorded and ignored, so queries on them scan the
//     collection. They exist for MongoDB, where they serve the example queries, and keeping them on both
//     makes both servers list the same indexes.

const DATABASE = (typeof process !== 'undefined' && process.env.MONGODB_DATABASE) || 'randomuser';

// Collection names as in the shared catalogue (randomuser.pipeline.catalogue.Facet); a JavaScript file
// cannot read the Java enum, so keep the two in step.
const FACET_COLLECTIONS = ['profiles', 'locations', 'contacts', 'accounts', 'identities', 'pictures'];
const DEAD_LETTERS = 'dead_letters';

// Index keys per collection. Every facet collection can be filtered by the run that wrote it.
const RUN_INDEX = {'_ingest.run_id': 1};
const INDEXES = {
  profiles: [
    {nat: 1, gender: 1},              // counts and lists by nationality and gender
    {'_ingest.written_at': -1},       // the latest run: the most recently written profile
    RUN_INDEX,
  ],
  locations: [{'location.country': 1}, RUN_INDEX],
  contacts: [RUN_INDEX],
  accounts: [RUN_INDEX],
  identities: [RUN_INDEX],
  pictures: [RUN_INDEX],
  [DEAD_LETTERS]: [
    {topic: 1, failed_at: -1},        // one topic's failures, newest first
    {failed_at: -1},                  // recent failures across topics
  ],
};

const target = db.getSiblingDB(DATABASE);

// The local server names itself in buildInfo's `localServer`; a real MongoDB has no such field.
function serverDescription() {
  const info = target.runCommand({buildInfo: 1});
  return info.localServer !== undefined
    ? `${info.localServer} (reports MongoDB ${info.version})`
    : `MongoDB ${info.version}`;
}

// A writer (e.g. a streaming job's first upsert) may create the collection between listCollections
// and createCollection: NamespaceExists then means the collection is there, which is all we want.
const NAMESPACE_EXISTS = 48;

function ensureCollection(name, existing) {
  if (existing.has(name)) {
    return false;
  }
  try {
    target.createCollection(name);
    return true;
  } catch (e) {
    if (e.code === NAMESPACE_EXISTS) {
      return false;
    }
    throw e;
  }
}

function sameKey(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

// Returns the number of indexes created.
function ensureIndexes(name, keys) {
  const present = target.getCollection(name).getIndexes().map((index) => index.key);
  let created = 0;
  for (const key of keys) {
    if (!present.some((existingKey) => sameKey(existingKey, key))) {
      target.getCollection(name).createIndex(key);
      created += 1;
    }
  }
  return created;
}

const existing = new Set(target.getCollectionNames());
const lines = [];
let collectionsCreated = 0;
let indexesCreated = 0;

for (const name of [...FACET_COLLECTIONS, DEAD_LETTERS]) {
  const collectionCreated = ensureCollection(name, existing);
  const newIndexes = ensureIndexes(name, INDEXES[name]);
  collectionsCreated += collectionCreated ? 1 : 0;
  indexesCreated += newIndexes;
  lines.push(`  ${name.padEnd(12)} ${collectionCreated ? 'created' : 'exists '}  ` +
    `indexes: ${INDEXES[name].length} wanted, ${newIndexes} created  ` +
    `documents: ${target.getCollection(name).estimatedDocumentCount()}`);
}

print(`mongo-init: database ${DATABASE} on ${serverDescription()}`);
lines.forEach((line) => print(line));
print(`mongo-init: done (${collectionsCreated} collections and ${indexesCreated} indexes created)`);

// Example queries on the `randomuser` database. Run:
//
//   mongosh --quiet "$MONGODB_URI" mongo/queries.js
//   mongosh --quiet "$MONGODB_URI" --eval 'var userId = "<uuid>"; var runId = "<run id>"' mongo/queries.js
//   USER_ID=<uuid> RUN_ID=<run id> mongosh --quiet "$MONGODB_URI" mongo/queries.js
//
// Without a user id the first profile is shown; without a run id, the run that wrote the most recent
// profile. MONGODB_DATABASE overrides the database name, as everywhere else in the pipeline.
//
// Every query here works on MongoDB and on the local stack's FerretDB v1, whose aggregation supports only
// $match, $group (with $sum and $count), $sort, $project, $set/$addFields, $unset, $unwind, $count,
// $skip, $limit and $collStats. So: no $lookup (the user is read collection by collection with _id
// lookups), no $max/$first in $group (the latest run comes from a sorted find), no expression operators
// such as $dateToString or $substr (formatting happens in this script). On MongoDB the same results
// could come from single pipelines using $lookup or $unionWith. FerretDB answers every query with a scan
// (indexes are created but unused), so on a large local data set the sorts below read whole collections.

(() => {
  const env = (name) => (typeof process !== 'undefined' && process.env[name]) || null;
  const DATABASE = env('MONGODB_DATABASE') || 'randomuser';
  // Names as in the shared catalogue (randomuser.pipeline.catalogue.Facet).
  const FACET_COLLECTIONS = ['profiles', 'locations', 'contacts', 'accounts', 'identities', 'pictures'];
  const DEAD_LETTERS = 'dead_letters';
  const SAMPLE_SIZE = 5;
  const RECENT_DEAD_LETTERS = 10;
  const RAW_VALUE_CHARS = 80;

  const rdb = db.getSiblingDB(DATABASE);
  const requestedUserId = (typeof userId !== 'undefined' && userId) || env('USER_ID');
  const requestedRunId = (typeof runId !== 'undefined' && runId) || env('RUN_ID');

  const heading = (text) => print(`\n== ${text}`);
  const iso = (date) => (date instanceof Date ? date.toISOString() : String(date));
  const shorten = (text, max) => {
    const s = String(text);
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
  };

  // 1. One user across the six collections. All join on _id (the user's login.uuid): an index lookup on
  //    MongoDB; on FerretDB v1 a scan of each collection, fast enough for a local data set.
  function showUser() {
    const first = requestedUserId ? null : rdb.profiles.findOne({}, {_id: 1});
    const id = requestedUserId || (first && first._id);
    heading(`User ${id || '(none)'}${requestedUserId ? '' : ' (first profile)'}`);
    if (!id) {
      print('no profiles yet');
      return;
    }
    for (const name of FACET_COLLECTIONS) {
      const doc = rdb.getCollection(name).findOne({_id: id}, {_ingest: 0});
      print(`${name}:`);
      printjson(doc || '(missing)');
    }
    const lineage = rdb.profiles.findOne({_id: id}, {_ingest: 1});
    if (lineage && lineage._ingest) {
      print('lineage (profiles._ingest):');
      printjson(lineage._ingest);
    }
  }

  // 2. Users by nationality and gender, as a table.
  function showCountsByNatAndGender() {
    heading('Profiles by nat and gender');
    const rows = rdb.profiles.aggregate([
      {$group: {_id: {nat: '$nat', gender: '$gender'}, users: {$sum: 1}}},
      {$sort: {'_id.nat': 1, '_id.gender': 1}},
    ]).toArray();
    if (rows.length === 0) {
      print('no profiles yet');
      return;
    }
    const genders = [...new Set(rows.map((row) => String(row._id.gender)))].sort();
    const byNat = new Map();
    for (const row of rows) {
      const nat = String(row._id.nat);
      if (!byNat.has(nat)) {
        byNat.set(nat, {});
      }
      byNat.get(nat)[String(row._id.gender)] = Number(row.users);
    }
    const cell = (value) => String(value).padStart(8);
    print(['nat'.padEnd(5), ...genders.map(cell), cell('total')].join(''));
    const totals = {};
    for (const [nat, counts] of byNat) {
      const total = genders.reduce((sum, g) => sum + (counts[g] || 0), 0);
      genders.forEach((g) => { totals[g] = (totals[g] || 0) + (counts[g] || 0); });
      print([nat.padEnd(5), ...genders.map((g) => cell(counts[g] || 0)), cell(total)].join(''));
    }
    const grandTotal = genders.reduce((sum, g) => sum + totals[g], 0);
    print(['all'.padEnd(5), ...genders.map((g) => cell(totals[g])), cell(grandTotal)].join(''));
  }

  // 3. The latest run's documents: the run of the most recently written profile, unless one is given.
  function showLatestRun() {
    let id = requestedRunId;
    let writtenAt = null;
    if (!id) {
      const latest = rdb.profiles.find({'_ingest.written_at': {$exists: true}}, {_ingest: 1})
        .sort({'_ingest.written_at': -1}).limit(1).toArray()[0];
      id = latest && latest._ingest.run_id;
      writtenAt = latest && latest._ingest.written_at;
    }
    heading(`Run ${id || '(none)'}${writtenAt ? ` (last profile written ${iso(writtenAt)})` : ''}`);
    if (!id) {
      print('no documents with _ingest.run_id yet');
      return;
    }
    for (const name of FACET_COLLECTIONS) {
      print(`${name.padEnd(12)}${String(rdb.getCollection(name).countDocuments({'_ingest.run_id': id})).padStart(8)}`);
    }
    print(`first ${SAMPLE_SIZE} profiles of the run:`);
    const sample = rdb.profiles.find({'_ingest.run_id': id}, {name: 1, gender: 1, nat: 1, '_ingest.offset': 1})
      .limit(SAMPLE_SIZE).toArray();
    for (const p of sample) {
      const name = p.name ? `${p.name.title} ${p.name.first} ${p.name.last}` : '?';
      print(`  ${p._id}  ${String(p.nat).padEnd(3)} ${String(p.gender).padEnd(7)} ${name}`);
    }
  }

  // 4. Dead letters: how many per topic, then the most recent ones.
  function showDeadLetters() {
    heading('Dead letters by topic');
    const perTopic = rdb.getCollection(DEAD_LETTERS).aggregate([
      {$group: {_id: '$topic', count: {$sum: 1}}},
      {$sort: {_id: 1}},
    ]).toArray();
    if (perTopic.length === 0) {
      print('none');
      return;
    }
    perTopic.forEach((row) => print(`${String(row._id).padEnd(24)}${String(row.count).padStart(8)}`));

    heading(`Most recent ${RECENT_DEAD_LETTERS} dead letters`);
    const recent = rdb.getCollection(DEAD_LETTERS).find({})
      .sort({failed_at: -1}).limit(RECENT_DEAD_LETTERS).toArray();
    for (const d of recent) {
      print(`${iso(d.failed_at)}  ${d.topic}[${d.partition}]@${d.offset}  ${d.reason}`);
      print(`    raw: ${shorten(d.raw_value, RAW_VALUE_CHARS)}`);
    }
  }

  print(`database ${DATABASE}`);
  showUser();
  showCountsByNatAndGender();
  showLatestRun();
  showDeadLetters();
})();

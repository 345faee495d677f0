// Example queries on the `randomuser` database. Run:
//
//   mongosh --quiet "$MONGODB_URI" mongo/queries.js
//   mongosh --quiet "$MONGODB_URI" --eval 'var userId = "<uuid>"; var runId = "<run id>"' mongo/queries.js
//   USER_ID=<uuid> RUN_ID=<run id> mongosh --quiet "$MONGODB_URI" mongo/queries.js
//
// Without a user id the first profile is shown; without a run id, the run that wrote the most recent
// profile. MONGODB_DATABASE overrides the database name, as everywhere else in the pipeline.
// The last section runs the aggregations of `./pipeline report`, read from report-aggregations.json next to
// this file (their one definition), on the run given, else on every run (freshness: the latest run).
//
// Every query here runs on MongoDB and on the local stack's server (mongo-java-server with H2 storage),
// using only what both implement: $match, $lookup with localField/foreignField, $unwind, $project,
// $group with $sum/$avg/$min/$max, $bucket, $count, $sort, $limit, the $month, $subtract, $divide, $floor and
// $multiply operators, and finds. The local server answers `_id` lookups (every join
// below) through its `_id` index and scans for everything else; MongoDB uses mongo-init.js's indexes.

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

  // 1. One user assembled from the six collections by one pipeline: the profile, then a $lookup by _id (the
  //    user's login.uuid, the key of every facet) into each of the other five. Lineage is shown once.
  function showUser() {
    const first = requestedUserId ? null : rdb.profiles.findOne({}, {_id: 1});
    const id = requestedUserId || (first && first._id);
    heading(`User ${id || '(none)'}${requestedUserId ? '' : ' (first profile)'}`);
    if (!id) {
      print('no profiles yet');
      return;
    }
    const others = FACET_COLLECTIONS.filter((name) => name !== 'profiles');
    const pipeline = [{$match: {_id: id}}];
    for (const name of others) {
      pipeline.push({$lookup: {from: name, localField: '_id', foreignField: '_id', as: name}});
      pipeline.push({$unwind: {path: `$${name}`, preserveNullAndEmptyArrays: true}});
    }
    pipeline.push({$project: Object.fromEntries(others.map((name) => [`${name}._ingest`, 0]))});
    const user = rdb.profiles.aggregate(pipeline).toArray()[0];
    if (!user) {
      print('(no profile with this _id)');
      return;
    }
    const lineage = user._ingest;
    delete user._ingest;
    const facets = {};
    for (const name of others) {
      facets[name] = user[name] || '(missing)';
      delete user[name];
    }
    print('profiles:');
    printjson(user);
    for (const name of others) {
      print(`${name}:`);
      printjson(facets[name]);
    }
    if (lineage) {
      print('lineage (profiles._ingest):');
      printjson(lineage);
    }
  }

  // 2. Users by nationality and gender, as a table, with the average age per nationality.
  function showCountsByNatAndGender() {
    heading('Profiles by nat and gender');
    const rows = rdb.profiles.aggregate([
      {$group: {_id: {nat: '$nat', gender: '$gender'}, users: {$sum: 1}}},
      {$sort: {'_id.nat': 1, '_id.gender': 1}},
    ]).toArray();
    const averageAge = new Map(rdb.profiles.aggregate([
      {$group: {_id: '$nat', age: {$avg: '$dob.age'}}},
    ]).toArray().map((row) => [String(row._id), row.age]));
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
    const age = (value) => (typeof value === 'number' ? value.toFixed(1) : '-');
    print(['nat'.padEnd(5), ...genders.map(cell), cell('total'), cell('avg age')].join(''));
    const totals = {};
    for (const [nat, counts] of byNat) {
      const total = genders.reduce((sum, g) => sum + (counts[g] || 0), 0);
      genders.forEach((g) => { totals[g] = (totals[g] || 0) + (counts[g] || 0); });
      print([nat.padEnd(5), ...genders.map((g) => cell(counts[g] || 0)), cell(total), cell(age(averageAge.get(nat)))].join(''));
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

  // 5. The report's figures: each aggregation of report-aggregations.json, its rows as they come. A run_scoped
  //    one starts with a $match on the run when there is one; the two latencies (counts per 10 ms) are of the
  //    given run, else the latest, and summarised as nearest-rank percentiles in seconds.
  function showReportFigures() {
    const fs = require('fs');
    const path = require('path');
    const spec = JSON.parse(fs.readFileSync(path.join(__dirname, 'report-aggregations.json'), 'utf8'));
    const latencies = ['fetch_to_visible', 'kafka_to_visible'];
    const latest = rdb.profiles.find({'_ingest.written_at': {$exists: true}}, {_ingest: 1})
      .sort({'_ingest.written_at': -1}).limit(1).toArray()[0];
    const freshnessRun = requestedRunId || (latest && latest._ingest.run_id);
    const runOf = (name) => (latencies.includes(name) ? freshnessRun : requestedRunId);
    const seconds = (millis) => (millis / 1000).toFixed(1).padStart(6);
    // Rows of {_id: milliseconds, documents: n}; a document without one of the times has a null _id.
    const summary = (rows) => {
      const counted = rows.filter((row) => row._id !== null).map((row) => [Number(row._id), Number(row.documents)]);
      const total = counted.reduce((sum, [, n]) => sum + n, 0);
      const rank = (p) => {
        const wanted = Math.max(Math.ceil(p / 100 * total), 1);
        let seen = 0;
        for (const [millis, n] of counted) {
          seen += n;
          if (seen >= wanted) {
            return millis;
          }
        }
        return 0;
      };
      return `${String(total).padStart(8)} documents  p50 ${seconds(rank(50))}  p95 ${seconds(rank(95))}`
        + `  p99 ${seconds(rank(99))}  max ${seconds(rank(100))} s`;
    };
    for (const [name, aggregation] of Object.entries(spec.aggregations)) {
      const run = runOf(name);
      heading(`${aggregation.title}${aggregation.run_scoped && run ? ` (run ${run})` : ''}`);
      const pipeline = aggregation.run_scoped && run
        ? [{$match: {'_ingest.run_id': run}}, ...aggregation.pipeline] : aggregation.pipeline;
      const collections = aggregation.collection === 'each facet collection' ? FACET_COLLECTIONS : [aggregation.collection];
      for (const collection of collections) {
        const rows = rdb.getCollection(collection).aggregate(pipeline).toArray();
        const prefix = collections.length > 1 ? `${collection.padEnd(12)}` : '';
        if (latencies.includes(name)) {
          print(prefix + summary(rows));
        } else {
          rows.forEach((row) => print(prefix + JSON.stringify(row)));
          if (rows.length === 0) {
            print(`${prefix}(none)`);
          }
        }
      }
    }
  }

  print(`database ${DATABASE}`);
  showUser();
  showCountsByNatAndGender();
  showLatestRun();
  showDeadLetters();
  showReportFigures();
})();

// Starts opening the plan library's database before the app's code has loaded (issue #14): with
// a large library the browser takes a few hundred milliseconds to open its storage, and this
// page's first script is the earliest moment to start. A plain script outside the app's bundle
// (index.html loads it first), so it runs before the bundle is even fetched.
// It only opens what exists, at the version it has: it never creates the database (a first run
// is left to the app) and never upgrades it, and it writes nothing. The connection is kept until
// the app has opened its own, and is closed at once when anyone asks for a new version or deletes
// the database, so it never blocks either.
// When the page opens on the library, it also reads the library's first screen — the newest plan
// summaries, as the app's own first read does (plans-repo.ts, newestSummaries) — from the
// database itself, and offers it to the app once (db/early-open.ts), so that the first rows can
// be painted without waiting for the app's connection. The offer lapses when the page leaves its
// first route, so nothing read here is ever shown after anything could have been changed.
;(function () {
  'use strict'
  var FIRST_SCREEN_ROWS = 60
  var held = null
  var done = false
  var settle = null
  var offered = null
  if (/^(#\/?|#\/plans\/?)?$/.test(location.hash)) {
    offered = new Promise(function (resolve) {
      settle = resolve
    })
    window.addEventListener('hashchange', function () {
      offered = null
    })
  }
  function answer(value) {
    if (settle) settle(value)
    settle = null
  }
  // A read under way still completes: closing waits for its transaction.
  function close() {
    done = true
    if (held) held.close()
    held = null
  }
  // One request where the browser can read an index backwards in one go (getAll with a direction,
  // Chromium 141+, the same release as getAllRecords): a cursor costs a round trip to the storage
  // per step or prefetch, each queued behind whatever else the page has asked of the storage by
  // then (the app's own open and its settings reads). Same rows, same order: the index backwards,
  // ties newest key first, as a 'prev' cursor gives them.
  function readFirstScreen(db) {
    var rows = []
    var tx = db.transaction('planIndex', 'readonly')
    var index = tx.objectStore('planIndex').index('updatedAt')
    if (typeof index.getAllRecords === 'function') {
      var all = index.getAll({ direction: 'prev', count: FIRST_SCREEN_ROWS })
      all.onsuccess = function () {
        rows = all.result
      }
    } else {
      var request = index.openCursor(null, 'prev')
      request.onsuccess = function () {
        var cursor = request.result
        if (!cursor) return
        rows.push(cursor.value)
        if (rows.length < FIRST_SCREEN_ROWS) cursor.continue()
      }
    }
    tx.oncomplete = function () {
      answer({ version: db.version, limit: FIRST_SCREEN_ROWS, rows: rows })
    }
    tx.onabort = function () {
      answer(null)
    }
  }
  window.osseoplanEarlyOpen = {
    // The app calls this once its own connection is open (db/early-open.ts).
    close: close,
    // The first screen read here: a promise of { version, limit, rows } or null; given once.
    takeFirstScreen: function () {
      var p = offered
      offered = null
      return p || Promise.resolve(null)
    }
  }
  try {
    var request = indexedDB.open('osseoplan')
    request.onupgradeneeded = function () {
      // No database yet: abort, so that none is created here.
      request.transaction.abort()
    }
    request.onsuccess = function () {
      var db = request.result
      if (done) {
        db.close()
        return answer(null)
      }
      held = db
      db.onversionchange = close
      performance.mark('osseo:early-open')
      if (settle) {
        try {
          readFirstScreen(db)
        } catch (e) {
          answer(null) // an older database without the summaries: the app upgrades and reads it
        }
      }
      // If the app never opens its own connection, do not hold this one for long.
      setTimeout(close, 30000)
    }
    request.onerror = function (event) {
      // An aborted first run or a refused open: the app's own open reports any real problem.
      event.preventDefault()
      answer(null)
    }
  } catch (e) {
    // indexedDB unavailable: the app says so when it opens the database itself.
    answer(null)
  }
})()

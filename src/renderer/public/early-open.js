// Starts opening the plan library's database before the app's code has loaded (issue #14): with
// a large library the browser takes a few hundred milliseconds to open its storage, and this
// page's first script is the earliest moment to start. A plain script outside the app's bundle
// (index.html loads it first), so it runs before the bundle is even fetched.
// It only opens what exists, at the version it has: it never creates the database (a first run
// is left to the app) and never upgrades it; it reads nothing. The connection is kept until the
// app has opened its own (the browser then already holds the storage open), and is closed at once
// when anyone asks for a new version or deletes the database, so it never blocks either.
;(function () {
  'use strict'
  var held = null
  var done = false
  function close() {
    done = true
    if (held) held.close()
    held = null
  }
  // The app calls this once its own connection is open (db/database.ts).
  window.osseoplanEarlyOpen = { close: close }
  try {
    var request = indexedDB.open('osseoplan')
    request.onupgradeneeded = function () {
      // No database yet: abort, so that none is created here.
      request.transaction.abort()
    }
    request.onsuccess = function () {
      var db = request.result
      if (done) return db.close()
      held = db
      db.onversionchange = close
      performance.mark('osseo:early-open')
      // If the app never opens its own connection, do not hold this one for long.
      setTimeout(close, 30000)
    }
    request.onerror = function (event) {
      // An aborted first run or a refused open: the app's own open reports any real problem.
      event.preventDefault()
    }
  } catch (e) {
    // indexedDB unavailable: the app says so when it opens the database itself.
  }
})()

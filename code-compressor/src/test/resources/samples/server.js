'use strict';

const http = require('http');
const fs = require('fs');
const path = require('path');
const { URL } = require('url');

const PORT = Number(process.env.PORT || 8080);
const STATIC_DIR = path.join(__dirname, 'public');
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/**
 * A tiny in-memory store of notes, keyed by id.
 * Ids are increasing integers; deleted ids are never reused.
 * The store is not persistent: a restart loses everything.
 */
class NoteStore {
  constructor() {
    this.notes = new Map();
    this.nextId = 1;
  }

  create(text, tags = []) {
    if (typeof text !== 'string' || text.trim() === '') {
      throw new Error('note text must be a non-empty string');
    }
    const note = { id: this.nextId++, text: text.trim(), tags, created: new Date().toISOString() };
    this.notes.set(note.id, note);
    return note;
  }

  list(tag) {
    const all = Array.from(this.notes.values());
    if (!tag) {
      return all;
    }
    return all.filter((n) => n.tags.includes(tag));
  }

  remove(id) {
    const existed = this.notes.delete(id);
    if (!existed) {
      const err = new Error(`no note ${id}`);
      err.status = 404;
      throw err;
    }
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > 1e6) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveStatic(res, pathname) {
  const file = path.normalize(path.join(STATIC_DIR, pathname === '/' ? 'index.html' : pathname));
  if (!file.startsWith(STATIC_DIR)) {
    res.writeHead(403);
    res.end('forbidden');
    return;
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream' });
    res.end(data);
  });
}

const store = new NoteStore();

const handle = async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  try {
    if (url.pathname === '/api/notes' && req.method === 'GET') {
      const notes = store.list(url.searchParams.get('tag'));
      res.writeHead(200, { 'Content-Type': MIME['.json'] });
      res.end(JSON.stringify(notes));
    } else if (url.pathname === '/api/notes' && req.method === 'POST') {
      const body = JSON.parse(await readBody(req));
      const note = store.create(body.text, body.tags);
      res.writeHead(201, { 'Content-Type': MIME['.json'] });
      res.end(JSON.stringify(note));
    } else if (url.pathname.startsWith('/api/notes/') && req.method === 'DELETE') {
      store.remove(Number(url.pathname.split('/').pop()));
      res.writeHead(204);
      res.end();
    } else {
      serveStatic(res, url.pathname);
    }
  } catch (err) {
    res.writeHead(err.status || 400, { 'Content-Type': 'text/plain' });
    res.end(err.message);
  }
};

http.createServer(handle).listen(PORT, () => {
  console.log(`notes server listening on ${PORT}`);
});

module.exports = { NoteStore, readBody };

package dev.headroom.code;

import dev.headroom.code.lang.CodeLanguage;
import dev.headroom.code.lang.LanguageGuesser;
import dev.headroom.engine.CompressionMode;
import dev.headroom.engine.ccr.ContentHash;
import dev.headroom.engine.ccr.Markers;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeCompressorTest {

    private final CodeCompressor compressor = new CodeCompressor();

    static String sample(String name) throws IOException {
        try (InputStream in = CodeCompressorTest.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "inventory.py, PYTHON, import csv, def shortages(self, committed: Dict[str, int], today: date) -> List[dict]:",
        "server.js, JAVASCRIPT, const { URL } = require('url');, function serveStatic(res, pathname) {",
        "retry.ts, TYPESCRIPT, import { EventEmitter } from 'events';, async run<T>(task: Task<T>): Promise<T> {",
        "cache.go, GO, \"container/list\", func (c *Cache) Put(key string, value []byte, ttl time.Duration) error {",
        "tokenizer.rs, RUST, use std::iter::Peekable;, pub fn tokenize(mut self) -> Result<Vec<Token>, LexError> {",
        "ringbuf.c, C, #include <string.h>, size_t ringbuf_write(struct ringbuf *rb, const uint8_t *src, size_t len)",
        "scheduler.cpp, CPP, #include <queue>, std::size_t run(std::size_t maxSteps) {",
    })
    void shortensBodiesKeepsShellsAndStillParses(String file, CodeLanguage language, String keptImport,
                                                 String keptSignature) throws IOException {
        String text = sample(file);
        String hash = ContentHash.of(text);
        assertEquals(language, LanguageGuesser.rank(text).get(0), "guessed language");

        TransformResult r = compressor.compress(text, TransformContext.of(hash));

        assertNotNull(r, file + " was not compressed");
        Files.createDirectories(Path.of("target", "compressed"));
        Files.writeString(Path.of("target", "compressed", file), r.text());
        assertTrue(r.lossy());
        assertEquals("code.ast." + language.grammar(), r.transform());
        assertTrue(CodeCompressor.parsesCleanly(r.text(), language), "output re-parses");
        assertTrue(Markers.hashes(r.text()).contains(hash), "marker names the hash");
        assertTrue(r.text().contains(keptImport), "import kept");
        assertTrue(r.text().contains(keptSignature), "signature kept");
        assertTrue(r.text().contains(language.lineComment() + " [headroom: "), "omission comment in the language's syntax");
        assertTrue(r.text().length() < text.length() * 0.8, "saves at least 20% of the characters");
    }

    @Test
    void omissionCommentNamesLineCountAndCalls() throws IOException {
        String text = sample("cache.go");
        String hash = ContentHash.of(text);
        String out = compressor.compress(text, TransformContext.of(hash)).text();
        // Put's body: 24 lines between the braces, calling removeElement, Now, Add, PushFront, ...
        assertTrue(out.contains("func (c *Cache) Put(key string, value []byte, ttl time.Duration) error {\n\t// [headroom: 24 lines omitted; headroom_retrieve hash="
                + hash + "] calls: len, Lock, Unlock, removeElement, +"), out);
    }

    @Test
    void keepsDecoratorsAndTheFirstLineOfDocstrings() throws IOException {
        String text = sample("inventory.py");
        String out = compressor.compress(text, TransformContext.of(ContentHash.of(text))).text();
        assertTrue(out.contains("@dataclass\nclass StockItem:"), out);
        assertTrue(out.contains("    @classmethod\n    def from_csv(cls, path: str) -> \"Inventory\":\n        pass  # [headroom: "), out);
        assertTrue(out.contains("\"\"\"Inventory service: loads stock levels, reconciles them with orders and reports shortages. [headroom: 5 lines omitted"), out);
    }

    @Test
    void runsOfLineCommentsKeepTheirFirstLine() throws IOException {
        String header = "// Copyright 2026 The Cache Authors. All rights reserved.\n"
                + "// Use of this source code is governed by a BSD-style license that can be\n"
                + "// found in the LICENSE file, which you should have received with this source.\n"
                + "// Contributions are welcome under the same license; see CONTRIBUTING.md for\n"
                + "// the process and the code of conduct that applies to every contributor.\n";
        String text = header + "\n" + sample("cache.go");
        String out = compressor.compress(text, TransformContext.of(ContentHash.of(text))).text();
        assertTrue(out.startsWith("// Copyright 2026 The Cache Authors. All rights reserved. [headroom: 4 lines omitted; "), out);
        assertTrue(out.contains("\n// Package cache implements"), "the package doc, after a blank line, is not part of the run: " + out);
        assertTrue(CodeCompressor.parsesCleanly(out, CodeLanguage.GO));
    }

    @Test
    void nonAsciiTextKeepsEveryByteOutsideTheEditedRanges() throws IOException {
        String text = "# Grüße, 世界 🌍 — résumé\n" + sample("inventory.py").replace("Inventory service", "Inventaire — service 📦");
        String hash = ContentHash.of(text);
        String out = compressor.compress(text, TransformContext.of(hash)).text();
        assertTrue(out.startsWith("# Grüße, 世界 🌍 — résumé\n#!/usr/bin/env python3\n\"\"\"Inventaire — service 📦: loads"), out);
        assertTrue(out.contains("    def get(self, sku: str) -> Optional[StockItem]:\n        return self._items.get(sku.upper())\n"), out);
        assertTrue(CodeCompressor.parsesCleanly(out, CodeLanguage.PYTHON));
    }

    @Test
    void losslessModeLeavesCodeAlone() throws IOException {
        String text = sample("server.js");
        TransformContext lossless = new TransformContext(CompressionMode.LOSSLESS, true, "", ContentHash.of(text), "", 4000);
        assertNull(compressor.compress(text, lossless));
        assertNull(compressor.compress(text, TransformContext.of(ContentHash.of(text)).withLossless(true)));
    }

    @Test
    void aQuestionThatAsksToAnalyzeTheCodeProtectsIt() throws IOException {
        String text = sample("server.js");
        TransformContext ctx = TransformContext.of(ContentHash.of(text));
        TransformResult kept = compressor.compress(text, ctx.withQuery("Can you debug why DELETE returns 400?"));
        assertEquals(text, kept.text(), "code asked about is answered unchanged, so no later compressor takes it");
        assertEquals("code.ast.protected", kept.transform());
        assertFalse(kept.lossy());
        assertEquals(text, compressor.compress(text, ctx.withQuery("please review this file")).text());
        assertNull(compressor.compress("just some words " .repeat(30), ctx.withQuery("explain")), "not code: no opinion");
        assertNotNull(compressor.compress(text, ctx.withQuery("list the routes")));
        assertNotNull(new CodeCompressor(new ProtectionRules(false)).compress(text, ctx.withQuery("review this")));
    }

    @Test
    void aQueryWithRepeatedWordsStillCompresses() throws IOException {
        String text = sample("server.js");
        TransformContext ctx = TransformContext.of(ContentHash.of(text)).withQuery("list the routes and the handlers of the server");
        assertNotNull(compressor.compress(text, ctx));
    }

    @Test
    void aPathologicallyDeepExpressionFailsOpen() {
        String deep = "def f(x):\n    y = " + "(".repeat(20_000) + "x" + ")".repeat(20_000) + "\n"
                + "    return y\n".repeat(60);
        String text = "import os\n\n" + deep;
        TransformResult r = compressor.compress(text, TransformContext.of(ContentHash.of(text)));
        assertTrue(r == null || CodeCompressor.parsesCleanly(r.text(), CodeLanguage.PYTHON));
    }

    @Test
    void smallSnippetsAreLeftAlone() {
        String text = "def add(a, b):\n    total = a + b\n    log(total)\n    check(total)\n    return total\n";
        assertNull(compressor.compress(text, TransformContext.of(ContentHash.of(text))));
    }

    @Test
    void textThatDoesNotParseIsLeftAlone() throws IOException {
        String text = sample("cache.go").replace("func (c *Cache) Stats()", "func (c *Cache) Stats(((");
        assertNull(compressor.compress(text, TransformContext.of(ContentHash.of(text))));
    }

    @Test
    void alreadyCompressedTextIsNotCompressedAgain() throws IOException {
        String text = sample("tokenizer.rs");
        String once = compressor.compress(text, TransformContext.of(ContentHash.of(text))).text();
        assertNull(compressor.compress(once, TransformContext.of(ContentHash.of(once))));
    }

    @Test
    void deterministic() throws IOException {
        String text = sample("scheduler.cpp");
        TransformContext ctx = TransformContext.of(ContentHash.of(text));
        assertEquals(compressor.compress(text, ctx).text(), compressor.compress(text, ctx).text());
    }
}

package dev.headroom.engine.transform.json;

import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTableEncodingTest {

    private static final TransformContext CONTEXT = TransformContext.of("0123456789abcdef01234567").withLossless(true);
    private final JsonCompressor compressor = new JsonCompressor();

    @Test
    void writesAnArrayOfObjectsAsAHeaderAndOneLinePerRow() {
        String json = """
                {"users": [
                  {"id": 1, "login": "alice", "name": "Alice, A.", "email": "a@x.io", "status": "active"},
                  {"id": 2, "login": "bob", "name": "", "email": null, "status": "active"},
                  {"id": 3, "login": "carol", "status": "suspended", "note": "42"}
                ], "total": 3}
                """;
        TransformResult r = compressor.compress(json, CONTEXT);
        assertEquals("""
                {"users":[3]{id,login,name,email,status,note}:
                1,alice,"Alice, A.",a@x.io,active,
                2,bob,"",null,active,
                3,carol,,,suspended,"42"
                ,"total":3}""", r.text());
        assertEquals("json.minify+json.table", r.transform());
        assertFalse(r.lossy());
    }

    @Test
    void quotesCellsAndKeysThatWouldOtherwiseReadAsSomethingElse() {
        String json = "[{\"a b\":\"true\",\"k,1\":\"-1.5\",\"x\":\"[1]\"},{\"a b\":\" pad\",\"k,1\":\"a\\nb\",\"x\":\"{}\"},"
                + "{\"a b\":\"null\",\"k,1\":\"ok \\\"q\\\" ok\",\"x\":\"1.2.3\"}]";
        String out = compressor.compress(json, CONTEXT).text();
        assertEquals("""
                [3]{a b,"k,1",x}:
                "true","-1.5","[1]"
                " pad","a\\nb","{}"
                "null",ok "q" ok,1.2.3
                """, out);
    }

    @Test
    void nestedValuesAreCompactJsonAndNestedArraysOfObjectsAreTablesToo() {
        String json = "[{\"id\":1,\"meta\":{\"tags\":[\"a\",\"b\"]},\"items\":[{\"sku\":\"x\"},{\"sku\":\"y\"},{\"sku\":\"z\"}]},"
                + "{\"id\":2,\"meta\":{},\"items\":[]},{\"id\":3,\"meta\":null}]";
        String out = compressor.compress(json, CONTEXT).text();
        assertEquals("""
                [3]{id,meta,items}:
                1,{"tags":["a","b"]},[3]{sku}:
                x
                y
                z

                2,{},[]
                3,null,
                """, out);
        assertEquals(JsonText.compact(JsonTreeParser.parseContainer(json)), JsonTableDecoder.toJson(out));
    }

    @Test
    void numbersKeepTheirSpelling() {
        String json = "[{\"n\":1.0},{\"n\":1e5},{\"n\":-0},{\"n\":123456789012345678901234567890.000}]";
        assertEquals("[4]{n}:\n1.0\n1e5\n-0\n123456789012345678901234567890.000\n",
                compressor.compress(json, CONTEXT).text());
    }

    @Test
    void arraysWhoseRowsDisagreeOnKeyOrderStayJson() {
        String json = "[ {\"a\": 1, \"b\": 2}, {\"b\": 2, \"a\": 1}, {\"a\": 1} ]";
        assertEquals("[{\"a\":1,\"b\":2},{\"b\":2,\"a\":1},{\"a\":1}]", compressor.compress(json, CONTEXT).text());
    }

    @Test
    void returnsNullForNonJsonScalarsAndTextThatCannotShrink() {
        assertNull(compressor.compress("this is not json", CONTEXT));
        assertNull(compressor.compress("\"just a string\"", CONTEXT));
        assertNull(compressor.compress("42", CONTEXT));
        assertNull(compressor.compress("{\"a\":1} trailing", CONTEXT));
        assertNull(compressor.compress("{\"a\":1}", CONTEXT), "already compact: nothing to gain");
        assertNull(compressor.compress("[{\"a\":1}", CONTEXT));
    }

    @Test
    void outputIsNeverLongerThanTheInput() {
        String json = "[{\"a\":\"x\"},{\"b\":\"y\"},{\"c\":\"z\"}]";
        TransformResult r = compressor.compress(json, CONTEXT);
        assertTrue(r == null || r.text().length() < json.length());
    }

    @Test
    void anObjectOfUniformObjectsBecomesAMapTableWithTheKeyFirst() {
        String json = """
                {"packages": {
                  "node_modules/a": {"version": "1.0.0", "dev": true},
                  "node_modules/b": {"version": "2.1.0"},
                  "node_modules/c, d": {"version": "3.0.0", "dev": false}
                }}
                """;
        String out = compressor.compress(json, CONTEXT).text();
        assertEquals("""
                {"packages":{3}{@key,version,dev}:
                node_modules/a,1.0.0,true
                node_modules/b,2.1.0,
                "node_modules/c, d",3.0.0,false
                }""", out);
        assertEquals(JsonTreeParser.parseContainer(json), JsonTableDecoder.decode(out));
    }

    @Test
    void columnDefaultsAreStatedOnceAndDecodeExactly() throws Exception {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 12; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":").append(i)
                    .append(",\"status\":\"").append(i == 7 ? "PAYMENT_FAILED" : "PAID").append('"')
                    .append(",\"note=x\":\"").append(i % 4 == 0 ? "odd, quoted" : "a,b").append('"')
                    .append(",\"reason\":").append(i == 7 ? "\"card declined\"" : "null")
                    .append(i % 5 == 0 ? "" : ",\"coupon\":\"SPRING\"").append('}');
        }
        String json = sb.append(']').toString();
        Object tree = JsonTreeParser.parseContainer(json);
        TableEncoder e = TableEncoder.lossless(tree, 1000, false);
        assertTrue(e.defaultsUsed());
        String text = e.text();
        assertTrue(text.startsWith("[12]{id,status=PAID,\"note=x\"=\"a,b\",reason=null,coupon}:\n"), text);
        assertTrue(text.contains("\n7,PAYMENT_FAILED,,card declined,SPRING\n"), text);
        assertEquals(JsonText.compact(tree), JsonTableDecoder.toJson(TableEncoder.DEFAULTS_LEGEND + "\n" + text));
        assertEquals(JsonText.compact(tree), JsonTableDecoder.toJson(text));
    }
}

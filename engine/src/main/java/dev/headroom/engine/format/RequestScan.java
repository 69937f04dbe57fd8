package dev.headroom.engine.format;

import java.util.List;

/**
 * What the engine needs to know about a request, read in one pass.
 *
 * @param format          the detected (or forced) wire format
 * @param model           the {@code model} field, or empty
 * @param outputs         tool outputs in document order
 * @param latestUserText  the text of the latest user message (tool results excluded), or empty
 * @param toolsStart      offset of the {@code tools} array's {@code [}, or -1 when there is none
 * @param toolsEnd        offset of its {@code ]}, or -1
 * @param toolsEmpty      true when the tools array has no elements
 * @param toolsDefineRetrieve true when a tool named {@code headroom_retrieve} is already defined
 * @param rootEnd         offset of the root object's closing brace
 * @param rootEmpty       true when the root object has no fields
 */
public record RequestScan(WireFormat format, String model, List<ToolOutput> outputs, String latestUserText,
                          int toolsStart, int toolsEnd, boolean toolsEmpty, boolean toolsDefineRetrieve,
                          int rootEnd, boolean rootEmpty) {
}

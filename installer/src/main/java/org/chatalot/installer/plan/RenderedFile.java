package org.chatalot.installer.plan;

import java.nio.file.Path;

/** One file a renderer produced: where it goes, what it says and who may read it. */
public record RenderedFile(Path path, String content, FileMode mode) {
}

package org.moevoprune.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes of a stream whose length is not to be trusted (an archive entry), collected in blocks as they arrive: the
 * memory taken is the data actually present, never what a header declares. Read back through {@link #channel()}.
 * Not thread-safe.
 */
final class ByteBlocks {

    private static final int BLOCK = 1 << 20;

    private final List<byte[]> blocks = new ArrayList<>();
    private long size;

    private ByteBlocks() {
    }

    /**
     * @param source the stream
     * @param limit the most bytes to take
     * @return the bytes up to the end of the stream or the limit, whichever comes first
     * @throws IOException if reading fails
     */
    static ByteBlocks read(ReadableByteChannel source, long limit) throws IOException {
        ByteBlocks out = new ByteBlocks();
        // The first block grows with the data, so that small entries stay small.
        byte[] block = new byte[(int) Math.min(4096, Math.max(1, limit))];
        int used = 0;
        while (out.size < limit) {
            if (used == block.length) {
                if (block.length < BLOCK) {
                    block = java.util.Arrays.copyOf(block, (int) Math.min(BLOCK, 2L * block.length));
                } else {
                    out.blocks.add(block);
                    block = new byte[BLOCK];
                    used = 0;
                }
            }
            int room = (int) Math.min(block.length - used, limit - out.size);
            int n = source.read(ByteBuffer.wrap(block, used, room));
            if (n < 0) {
                break;
            }
            used += n;
            out.size += n;
        }
        out.blocks.add(java.util.Arrays.copyOf(block, used));
        return out;
    }

    /** @return the number of bytes held */
    long size() {
        return size;
    }

    /** @return a channel reading the bytes from the first; each call starts again */
    ReadableByteChannel channel() {
        return new ReadableByteChannel() {
            private int block;
            private int offset;
            private boolean open = true;

            @Override
            public int read(ByteBuffer destination) {
                while (block < blocks.size() && offset == blocks.get(block).length) {
                    block++;
                    offset = 0;
                }
                if (block == blocks.size()) {
                    return -1;
                }
                byte[] current = blocks.get(block);
                int n = Math.min(destination.remaining(), current.length - offset);
                destination.put(current, offset, n);
                offset += n;
                return n;
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() {
                open = false;
            }
        };
    }
}

/* ringbuf.c - a fixed-size byte ring buffer for a UART driver. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ringbuf.h"

#define RINGBUF_MIN_CAPACITY 16

struct ringbuf {
    uint8_t *data;
    size_t capacity;
    size_t head;
    size_t tail;
    size_t count;
};

/**
 * Allocates a ring buffer that holds up to capacity bytes.
 * The capacity is rounded up to RINGBUF_MIN_CAPACITY.
 * Returns NULL when the allocation fails.
 */
struct ringbuf *ringbuf_new(size_t capacity)
{
    struct ringbuf *rb;
    if (capacity < RINGBUF_MIN_CAPACITY)
        capacity = RINGBUF_MIN_CAPACITY;
    rb = malloc(sizeof(*rb));
    if (rb == NULL)
        return NULL;
    rb->data = malloc(capacity);
    if (rb->data == NULL) {
        free(rb);
        return NULL;
    }
    rb->capacity = capacity;
    rb->head = rb->tail = rb->count = 0;
    return rb;
}

void ringbuf_free(struct ringbuf *rb)
{
    if (rb == NULL)
        return;
    free(rb->data);
    free(rb);
}

size_t ringbuf_write(struct ringbuf *rb, const uint8_t *src, size_t len)
{
    size_t written = 0;
    while (written < len && rb->count < rb->capacity) {
        size_t chunk = rb->capacity - rb->head;
        size_t room = rb->capacity - rb->count;
        if (chunk > room)
            chunk = room;
        if (chunk > len - written)
            chunk = len - written;
        memcpy(rb->data + rb->head, src + written, chunk);
        rb->head = (rb->head + chunk) % rb->capacity;
        rb->count += chunk;
        written += chunk;
    }
    return written;
}

size_t ringbuf_read(struct ringbuf *rb, uint8_t *dst, size_t len)
{
    size_t read = 0;
    while (read < len && rb->count > 0) {
        size_t chunk = rb->capacity - rb->tail;
        if (chunk > rb->count)
            chunk = rb->count;
        if (chunk > len - read)
            chunk = len - read;
        memcpy(dst + read, rb->data + rb->tail, chunk);
        rb->tail = (rb->tail + chunk) % rb->capacity;
        rb->count -= chunk;
        read += chunk;
    }
    return read;
}

static int ringbuf_peek_byte(const struct ringbuf *rb, size_t offset, uint8_t *out)
{
    if (offset >= rb->count)
        return -1;
    *out = rb->data[(rb->tail + offset) % rb->capacity];
    return 0;
}

long ringbuf_find(const struct ringbuf *rb, uint8_t needle)
{
    size_t i;
    uint8_t b;
    for (i = 0; i < rb->count; i++) {
        if (ringbuf_peek_byte(rb, i, &b) != 0)
            break;
        if (b == needle)
            return (long)i;
    }
    return -1;
}

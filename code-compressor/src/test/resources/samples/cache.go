// Package cache implements a size-bounded LRU cache with per-entry expiry.
package cache

import (
	"container/list"
	"errors"
	"sync"
	"time"
)

// ErrTooLarge is returned when a value is larger than the whole cache.
var ErrTooLarge = errors.New("cache: value larger than capacity")

type entry struct {
	key     string
	value   []byte
	expires time.Time
}

// Cache is safe for concurrent use.
type Cache struct {
	mu       sync.Mutex
	capacity int
	size     int
	order    *list.List
	items    map[string]*list.Element
	now      func() time.Time
}

// New returns a cache that holds at most capacity bytes of values.
func New(capacity int) *Cache {
	return &Cache{
		capacity: capacity,
		order:    list.New(),
		items:    make(map[string]*list.Element),
		now:      time.Now,
	}
}

// Get returns the value for key, or false when it is absent or expired.
func (c *Cache) Get(key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	e := el.Value.(*entry)
	if !e.expires.IsZero() && c.now().After(e.expires) {
		c.removeElement(el)
		return nil, false
	}
	c.order.MoveToFront(el)
	return e.value, true
}

// Put stores value under key for ttl (zero means no expiry), evicting old entries as needed.
func (c *Cache) Put(key string, value []byte, ttl time.Duration) error {
	if len(value) > c.capacity {
		return ErrTooLarge
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.removeElement(el)
	}
	var expires time.Time
	if ttl > 0 {
		expires = c.now().Add(ttl)
	}
	el := c.order.PushFront(&entry{key: key, value: value, expires: expires})
	c.items[key] = el
	c.size += len(value)
	for c.size > c.capacity {
		oldest := c.order.Back()
		if oldest == nil {
			break
		}
		c.removeElement(oldest)
	}
	return nil
}

func (c *Cache) removeElement(el *list.Element) {
	e := c.order.Remove(el).(*entry)
	delete(c.items, e.key)
	c.size -= len(e.value)
}

// Stats reports the number of entries and bytes held.
func (c *Cache) Stats() (entries, bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items), c.size
}

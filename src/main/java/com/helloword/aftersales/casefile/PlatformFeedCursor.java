package com.helloword.aftersales.casefile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;



/** How far a store's feed on its platform (its returns) has been read: the adapter's own cursor. */
@Entity
@Table(name = "platform_feed_cursors")
public class PlatformFeedCursor extends CaseFileEntity {

    private String storeId;
    private String feed;
    @Column(name = "cursor_value")
    private String cursor;
    private Instant readAt;
    @Version
    private long version;

    protected PlatformFeedCursor() {
    }

    public PlatformFeedCursor(String storeId, String feed, Instant readAt) {
        this.storeId = storeId;
        this.feed = feed;
        this.readAt = readAt.truncatedTo(ChronoUnit.SECONDS);
    }

    public void advance(String cursor, Instant at) {
        if (cursor != null && cursor.length() > 2000) {
            throw new IllegalArgumentException("a feed cursor is at most 2000 characters, this one "
                    + cursor.length());
        }
        this.cursor = cursor;
        this.readAt = at.truncatedTo(ChronoUnit.SECONDS);
    }

    public String getStoreId() { return storeId; }
    public String getFeed() { return feed; }
    public String getCursor() { return cursor; }
    public Instant getReadAt() { return readAt; }
}

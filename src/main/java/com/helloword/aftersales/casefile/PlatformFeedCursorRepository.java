package com.helloword.aftersales.casefile;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PlatformFeedCursorRepository extends JpaRepository<PlatformFeedCursor, Long> {

    Optional<PlatformFeedCursor> findByStoreIdAndFeed(String storeId, String feed);
}

package com.helloword.aftersales.returns;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

public interface PlatformReturnEntryRepository extends JpaRepository<PlatformReturnEntry, Long> {

    Optional<PlatformReturnEntry> findByStoreIdAndPlatformReturnId(String storeId, String platformReturnId);

    /** The same, locked: two copies of one platform return (feed and webhook, two nodes) are taken one by one. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from PlatformReturnEntry e where e.storeId = :storeId and e.platformReturnId = :platformReturnId")
    Optional<PlatformReturnEntry> lockByStoreIdAndPlatformReturnId(String storeId, String platformReturnId);

    /** Whether some platform return id of the store starts so (Shopify's lines of one return: {@code <id>:<line>}). */
    boolean existsByStoreIdAndPlatformReturnIdStartingWith(String storeId, String prefix);

    /** The store's platform returns whose id starts so, oldest first. */
    List<PlatformReturnEntry> findByStoreIdAndPlatformReturnIdStartingWithOrderByIdAsc(String storeId, String prefix);

    List<PlatformReturnEntry> findByStatusOrderByIdAsc(PlatformReturnEntry.Status status);

    /** The newest platform returns with the returns they became (for the API, outside a transaction). */
    @Query("select e from PlatformReturnEntry e left join fetch e.returnRequest order by e.id desc limit 200")
    List<PlatformReturnEntry> findNewestWithReturns();
}

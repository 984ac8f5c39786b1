package com.helloword.aftersales.recall;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RegulatorNoticeRepository extends JpaRepository<RegulatorNotice, Long> {

    Optional<RegulatorNotice> findBySourceAndReference(NoticeSource source, String reference);
}

package com.helloword.aftersales.casework;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseMessageRepository extends JpaRepository<CaseMessage, Long> {

    Optional<CaseMessage> findByChannelAndExternalMessageId(String channel, String externalMessageId);
}

package com.helloword.aftersales.casework.intake.mail;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InboundMailRepository extends JpaRepository<InboundMail, Long> {

    Optional<InboundMail> findByMessageId(String messageId);

    List<InboundMail> findByFromAddressOrderByIdAsc(String fromAddress);

    List<InboundMail> findTop50ByStatusOrderByIdAsc(String status);
}

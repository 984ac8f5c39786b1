package com.helloword.aftersales.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BuyerRepository extends JpaRepository<Buyer, Long> {

    Optional<Buyer> findByEmail(String normalisedEmail);

    List<Buyer> findByEmailIn(Collection<String> normalisedEmails);
}

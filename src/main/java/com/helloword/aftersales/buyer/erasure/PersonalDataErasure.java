package com.helloword.aftersales.buyer.erasure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.helloword.aftersales.buyer.erasure.CaseFileErasure.BuyerFile;
import com.helloword.aftersales.casefile.Buyer;
import com.helloword.aftersales.casefile.BuyerRepository;

/**
 * Erases one buyer's personal data everywhere we keep it, in one transaction (the engine takes part in
 * Spring's): a failure anywhere leaves the buyer as they were. A second call finds nothing left and changes nothing.
 */
@Service
public class PersonalDataErasure {

    /** What was overwritten or deleted, counted per place; no personal data. */
    public record Summary(long buyerId, boolean alreadyErased, Map<String, Integer> caseFile,
            Map<String, Integer> engineHistory) {
    }

    private final BuyerRepository buyers;
    private final CaseFileErasure caseFile;
    private final EngineHistoryErasure engine;

    PersonalDataErasure(BuyerRepository buyers, CaseFileErasure caseFile, EngineHistoryErasure engine) {
        this.buyers = buyers;
        this.caseFile = caseFile;
        this.engine = engine;
    }

    /** Empty when there is no such buyer. */
    @Transactional
    public Optional<Summary> erase(long buyerId) {
        Optional<Buyer> found = buyers.findById(buyerId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Buyer buyer = found.get();
        boolean already = ErasureMarks.isErased(buyerId, buyer.getEmail());
        BuyerFile file = caseFile.read(buyerId, already ? null : buyer.getEmail(), buyer.getName());
        PersonalTraces traces = PersonalTraces.quoted(file.texts());
        // the engine first: the traces are read from the case file, which the next step overwrites
        Map<String, Integer> engineCounts = engine.erase(file.caseKeys(), file.processInstanceIds(), traces,
                PersonalTraces.whole(file.texts()));
        Map<String, Integer> caseFileCounts = new LinkedHashMap<>(caseFile.erase(file, traces));
        return Optional.of(new Summary(buyerId, already, caseFileCounts, engineCounts));
    }
}

package com.helloword.aftersales.casefile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A buyer, known by e-mail address across all stores (addresses are kept in lower case). */
@Entity
@Table(name = "buyers")
public class Buyer extends CaseFileEntity {

    private String email;
    private String name;
    private String language;
    private String country;
    @Enumerated(EnumType.STRING)
    private BuyerTier tier = BuyerTier.NEW;
    @Column(updatable = false)
    private Instant createdAt;
    private Instant updatedAt;
    private Instant serialReturnerSince;
    private String serialReturnerNote;
    private Instant serialReturnerClearedAt;
    @Version
    private long version;

    protected Buyer() {
    }

    public Buyer(String email) {
        this.email = normaliseEmail(email);
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        this.updatedAt = createdAt;
    }

    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Takes the given details where they are present; returns whether anything changed. */
    public boolean update(String name, String language, String country) {
        boolean changed = false;
        if (name != null && !name.equals(this.name)) {
            this.name = name;
            changed = true;
        }
        if (language != null && !language.equals(this.language)) {
            this.language = language;
            changed = true;
        }
        if (country != null && !country.equals(this.country)) {
            this.country = country;
            changed = true;
        }
        if (changed) {
            updatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        return changed;
    }

    public void changeTier(BuyerTier tier) {
        if (!Objects.equals(this.tier, tier)) {
            this.tier = tier;
            updatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /**
     * Flags the buyer as a serial "didn't like it" returner (the serialReturner table said so): their
     * next returns need an agent's approval. Kept from the first time; returns whether it is new.
     */
    public boolean flagSerialReturner(String note, Instant at) {
        if (serialReturnerSince != null) {
            return false;
        }
        serialReturnerSince = at.truncatedTo(ChronoUnit.SECONDS);
        serialReturnerNote = note == null ? null : note.substring(0, Math.min(200, note.length()));
        updatedAt = serialReturnerSince;
        return true;
    }

    /**
     * The flag comes off: a team lead lifted it (then only "changed my mind" returns after this moment
     * count again), or the returns of the last 12 months no longer make the buyer one.
     */
    public void clearSerialReturner(boolean byTeamLead, Instant at) {
        if (byTeamLead) {
            serialReturnerClearedAt = at.truncatedTo(ChronoUnit.SECONDS);
        }
        if (serialReturnerSince != null || byTeamLead) {
            serialReturnerSince = null;
            serialReturnerNote = null;
            updatedAt = at.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    public boolean isSerialReturner() { return serialReturnerSince != null; }
    public Instant getSerialReturnerSince() { return serialReturnerSince; }
    public String getSerialReturnerNote() { return serialReturnerNote; }
    public Instant getSerialReturnerClearedAt() { return serialReturnerClearedAt; }
    public String getEmail() { return email; }
    public String getName() { return name; }
    public String getLanguage() { return language; }
    public String getCountry() { return country; }
    public BuyerTier getTier() { return tier; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}

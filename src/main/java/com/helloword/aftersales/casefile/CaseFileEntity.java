package com.helloword.aftersales.casefile;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.TableGenerator;

/**
 * Ids come in blocks from one table, the same way on H2 and MySQL (which has no sequences), so
 * Hibernate can batch inserts and several nodes can share a schema.
 */
@MappedSuperclass
public abstract class CaseFileEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "caseFileIds")
    @TableGenerator(name = "caseFileIds", table = "id_generator", pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "case_file", allocationSize = 500)
    private Long id;

    public Long getId() {
        return id;
    }
}

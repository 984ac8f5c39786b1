package com.helloword.aftersales.incident;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CarrierRouteSwitchRepository extends JpaRepository<CarrierRouteSwitch, Long> {

    Optional<CarrierRouteSwitch> findByOpenRoute(String route);

    List<CarrierRouteSwitch> findTop100ByOrderByIdDesc();

    /** The routes (carrier upper case, destination country) with shipments since a moment. */
    @Query("select distinct upper(o.carrier), o.destinationCountry from SalesOrder o where o.shippedAt >= :since"
            + " and o.carrier is not null and o.destinationCountry is not null")
    List<Object[]> shippedRoutes(Instant since);

    /** The orders shipped since a moment with the carrier (case-insensitive) to the country. */
    @Query("select count(o) from SalesOrder o where upper(o.carrier) = upper(:carrier)"
            + " and o.destinationCountry = :destinationCountry and o.shippedAt >= :since")
    long countShipments(String carrier, String destinationCountry, Instant since);
}

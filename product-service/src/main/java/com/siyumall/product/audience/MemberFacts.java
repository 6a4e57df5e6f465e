package com.siyumall.product.audience;

import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;

/** Reads the member projection for targeting. */
@Service
public class MemberFacts {
    private final MemberFactMapper facts;
    private final Clock clock;

    MemberFacts(MemberFactMapper facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    /** The member as far as events have told, or a brand-new member when none has arrived yet. */
    public MemberFact of(long memberId) {
        return Optional.ofNullable(facts.find(memberId)).orElseGet(() -> MemberFact.unknownNewMember(memberId, clock.instant()));
    }
}

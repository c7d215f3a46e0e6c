package org.exchange.exchange.group;

/** Where a group is in its life: proposed, forming (recruiting), active (meeting), reporting (writing up), closed. */
public enum GroupStatus {
    PROPOSED, FORMING, ACTIVE, REPORTING, CLOSED;

    /** Whether practitioners may join or leave now. */
    public boolean acceptsMembers() {
        return this == FORMING || this == ACTIVE;
    }

    /** Whether meetings may be planned now. */
    public boolean plansMeetings() {
        return this == FORMING || this == ACTIVE;
    }
}

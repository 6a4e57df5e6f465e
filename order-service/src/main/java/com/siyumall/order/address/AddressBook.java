package com.siyumall.order.address;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyumall.common.error.BusinessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A member's addresses. Every change first takes the member's {@code address_book} row, so changes to one book run one
 * at a time: the count never passes {@link Address#MAX_PER_MEMBER} and there is exactly one default while the book
 * holds anything (the first address saved, or the last changed when the default is deleted). The unique key on
 * {@code default_of} guards the second rule in the database too.
 */
@Service
public class AddressBook {
    private final AddressMapper addresses;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AddressBook(AddressMapper addresses, TransactionTemplate transaction, Clock clock) {
        this.addresses = addresses;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What a shopper gives for an address; {@code makeDefault} null leaves the default as it is. */
    public record Draft(String name, String phone, Region region, String detail, Boolean makeDefault) {}

    public List<Address> of(long memberId) {
        return addresses.of(memberId);
    }

    /** The member's address, or 404 — also for another member's address, so ids cannot be probed. */
    public Address get(long memberId, long addressId) {
        Address address = addresses.find(memberId, addressId);
        if (address == null) {
            throw new BusinessException(AddressError.ADDRESS_NOT_FOUND, addressId);
        }
        return address;
    }

    /** What an order keeps of the member's address {@code addressId}; 404 when it is not theirs. */
    public Address.Snapshot snapshotOf(long memberId, long addressId) {
        return get(memberId, addressId).snapshot();
    }

    public Address add(long memberId, Draft draft) {
        Instant now = clock.instant();
        // committed on its own: inside the transaction, two first adds would each hold the duplicate row's shared lock
        // and deadlock wanting it exclusively
        addresses.open(memberId, now);
        return transaction.execute(status -> {
            if (addresses.countOneMore(memberId, Address.MAX_PER_MEMBER, now) == 0) {
                throw new BusinessException(AddressError.ADDRESS_BOOK_FULL, Address.MAX_PER_MEMBER);
            }
            long id = IdWorker.getId();
            addresses.insert(rowOf(id, memberId, draft, now, now));
            boolean first = addresses.of(memberId).stream().noneMatch(a -> Boolean.TRUE.equals(a.isDefault()));
            if (first || Boolean.TRUE.equals(draft.makeDefault())) {
                makeDefault(memberId, id);
            }
            return get(memberId, id);
        });
    }

    @Transactional
    public Address change(long memberId, long addressId, Draft draft) {
        Instant now = clock.instant();
        addresses.lock(memberId, now);
        Address before = get(memberId, addressId);
        addresses.update(rowOf(addressId, memberId, draft, before.createdAt(), now));
        if (Boolean.TRUE.equals(draft.makeDefault()) && !Boolean.TRUE.equals(before.isDefault())) {
            makeDefault(memberId, addressId);
        }
        return get(memberId, addressId);
    }

    @Transactional
    public Address setDefault(long memberId, long addressId) {
        addresses.lock(memberId, clock.instant());
        if (!Boolean.TRUE.equals(get(memberId, addressId).isDefault())) {
            makeDefault(memberId, addressId);
        }
        return get(memberId, addressId);
    }

    @Transactional
    public void delete(long memberId, long addressId) {
        Instant now = clock.instant();
        addresses.lock(memberId, now);
        Address deleted = get(memberId, addressId);
        addresses.delete(memberId, addressId);
        addresses.countOneLess(memberId, now);
        if (Boolean.TRUE.equals(deleted.isDefault())) {
            Long next = addresses.lastChanged(memberId);
            if (next != null) {
                addresses.markDefault(memberId, next);
            }
        }
    }

    private void makeDefault(long memberId, long addressId) {
        addresses.clearDefault(memberId);
        addresses.markDefault(memberId, addressId);
    }

    private static Address rowOf(long id, long memberId, Draft draft, Instant createdAt, Instant updatedAt) {
        Region region = draft.region();
        return new Address(id, memberId, draft.name().strip(), draft.phone().strip(), region.code(), region.province().strip(),
                region.city().strip(), region.district(), draft.detail().strip(), false, createdAt, updatedAt);
    }
}

package com.siyumall.member.store;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import com.siyumall.common.time.BusinessTime;

import java.time.Instant;
import java.time.LocalTime;

/** A physical store: where guides work and shoppers pick up. Opening hours may run past midnight (e.g. 18:00–02:00). */
@TableName("store")
public class Store {
    public enum Status { OPEN, CLOSED }

    private Long id;
    private String name;
    private String address;
    private Double latitude;
    private Double longitude;
    private LocalTime opensAt;
    private LocalTime closesAt;
    private String phone;
    private Status status;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    static Store open(String name, String address, double latitude, double longitude, LocalTime opensAt, LocalTime closesAt, String phone) {
        Store store = new Store();
        store.status = Status.OPEN;
        store.describe(name, address, latitude, longitude, opensAt, closesAt, phone);
        return store;
    }

    void describe(String name, String address, double latitude, double longitude, LocalTime opensAt, LocalTime closesAt, String phone) {
        this.name = name;
        this.address = address;
        this.latitude = latitude;
        this.longitude = longitude;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.phone = phone;
    }

    /** In business (status OPEN) — the stores shoppers can find and guides can work in. */
    public boolean isOperating() {
        return status == Status.OPEN;
    }

    /** Whether the doors are open at {@code at}, Shanghai time. */
    public boolean isOpenAt(Instant at) {
        if (!isOperating()) {
            return false;
        }
        LocalTime time = at.atZone(BusinessTime.ZONE).toLocalTime();
        if (opensAt.equals(closesAt)) {
            return true;
        }
        if (opensAt.isBefore(closesAt)) {
            return !time.isBefore(opensAt) && time.isBefore(closesAt);
        }
        return !time.isBefore(opensAt) || time.isBefore(closesAt);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public Double getLatitude() { return latitude; }
    public void setLatitude(Double latitude) { this.latitude = latitude; }
    public Double getLongitude() { return longitude; }
    public void setLongitude(Double longitude) { this.longitude = longitude; }
    public LocalTime getOpensAt() { return opensAt; }
    public void setOpensAt(LocalTime opensAt) { this.opensAt = opensAt; }
    public LocalTime getClosesAt() { return closesAt; }
    public void setClosesAt(LocalTime closesAt) { this.closesAt = closesAt; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}

package com.siyumall.member.guide;

import com.baomidou.mybatisplus.annotation.TableName;
import com.siyumall.member.auth.PasswordAccount;

/** A store guide (导购): a staff account that belongs to exactly one store and owns the customers bound to it. */
@TableName("guide")
public class Guide extends PasswordAccount {
    public enum Status { ACTIVE, DISABLED }

    private String name;
    private String phone;
    private Long storeId;
    private Status status;

    public Guide() {}

    private Guide(String username, String passwordHash, String name, String phone, long storeId) {
        super(username, passwordHash);
        this.name = name;
        this.phone = phone;
        this.storeId = storeId;
        this.status = Status.ACTIVE;
    }

    static Guide hire(String username, String passwordHash, String name, String phone, long storeId) {
        return new Guide(username, passwordHash, name, phone, storeId);
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    @Override
    public boolean canLogIn() {
        return isActive();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public Long getStoreId() { return storeId; }
    public void setStoreId(Long storeId) { this.storeId = storeId; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
}

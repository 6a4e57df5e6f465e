package com.siyumall.order.order;

import com.baomidou.mybatisplus.annotation.TableName;

/** One SKU of an order, with the name, specs, image and price it had when bought. */
@TableName("order_line")
public class OrderLine {
    private Long id;
    private String orderNo;
    private Long skuId;
    private Long spuId;
    private String name;
    private String specText;
    private String image;
    private Long price;
    private Integer quantity;
    private Long amount;

    public static OrderLine of(String orderNo, long skuId, long spuId, String name, String specText, String image, long price, int quantity) {
        OrderLine line = new OrderLine();
        line.orderNo = orderNo;
        line.skuId = skuId;
        line.spuId = spuId;
        line.name = name;
        line.specText = specText;
        line.image = image;
        line.price = price;
        line.quantity = quantity;
        line.amount = price * quantity;
        return line;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getOrderNo() { return orderNo; }
    public void setOrderNo(String orderNo) { this.orderNo = orderNo; }
    public Long getSkuId() { return skuId; }
    public void setSkuId(Long skuId) { this.skuId = skuId; }
    public Long getSpuId() { return spuId; }
    public void setSpuId(Long spuId) { this.spuId = spuId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getSpecText() { return specText; }
    public void setSpecText(String specText) { this.specText = specText; }
    public String getImage() { return image; }
    public void setImage(String image) { this.image = image; }
    public Long getPrice() { return price; }
    public void setPrice(Long price) { this.price = price; }
    public Integer getQuantity() { return quantity; }
    public void setQuantity(Integer quantity) { this.quantity = quantity; }
    public Long getAmount() { return amount; }
    public void setAmount(Long amount) { this.amount = amount; }
}

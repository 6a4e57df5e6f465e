package com.siyumall.product.stock;

import com.baomidou.mybatisplus.core.metadata.IPage;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

/** The MySQL side of stock: every change is one conditional statement, so a race loses cleanly instead of overselling. */
@Mapper
interface StockMapper {

    @Insert("INSERT INTO sku_stock (sku_id, available, reserved, sold, updated_at) VALUES (#{skuId}, #{available}, 0, 0, #{at})")
    int create(@Param("skuId") long skuId, @Param("available") int available, @Param("at") Instant at);

    @Select("SELECT available FROM sku_stock WHERE sku_id = #{skuId}")
    Integer available(long skuId);

    @Select("<script>SELECT * FROM sku_stock WHERE sku_id IN "
            + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach></script>")
    List<SkuStock> findAll(@Param("ids") java.util.Collection<Long> skuIds);

    /** A SKU at or under its low-stock threshold, with what the merchant needs to restock it. */
    record LowStockRow(Long skuId, Long spuId, String productName, String productStatus, String specs, int available, int reserved,
                       int threshold) {}

    @Select("SELECT k.id AS sku_id, k.spu_id, p.name AS product_name, p.status AS product_status, k.specs, s.available, s.reserved, "
            + "k.low_stock_threshold AS threshold FROM sku k JOIN sku_stock s ON s.sku_id = k.id JOIN spu p ON p.id = k.spu_id "
            + "WHERE k.low_stock_threshold > 0 AND s.available <= k.low_stock_threshold ORDER BY s.available, k.id")
    IPage<LowStockRow> lowStock(IPage<LowStockRow> page);

    @Select("SELECT * FROM sku_stock WHERE sku_id > #{after} ORDER BY sku_id LIMIT #{limit}")
    List<SkuStock> page(@Param("after") long afterSkuId, @Param("limit") int limit);

    @Update("UPDATE sku_stock SET available = available - #{q}, reserved = reserved + #{q}, updated_at = #{at} "
            + "WHERE sku_id = #{skuId} AND available >= #{q}")
    int reserve(@Param("skuId") long skuId, @Param("q") int quantity, @Param("at") Instant at);

    @Update("UPDATE sku_stock SET reserved = reserved - #{q}, sold = sold + #{q}, updated_at = #{at} WHERE sku_id = #{skuId}")
    int confirm(@Param("skuId") long skuId, @Param("q") int quantity, @Param("at") Instant at);

    @Update("UPDATE sku_stock SET available = available + #{q}, reserved = reserved - #{q}, updated_at = #{at} WHERE sku_id = #{skuId}")
    int release(@Param("skuId") long skuId, @Param("q") int quantity, @Param("at") Instant at);

    @Update("UPDATE sku_stock SET available = available + #{q}, sold = sold - #{q}, updated_at = #{at} WHERE sku_id = #{skuId} AND sold >= #{q}")
    int returnSold(@Param("skuId") long skuId, @Param("q") int quantity, @Param("at") Instant at);

    @Update("UPDATE sku_stock SET available = available + #{delta}, updated_at = #{at} "
            + "WHERE sku_id = #{skuId} AND available + #{delta} >= 0")
    int adjust(@Param("skuId") long skuId, @Param("delta") int delta, @Param("at") Instant at);

    @Insert("INSERT INTO stock_adjustment (id, sku_id, delta, available_after, reason, operator_id, adjusted_at) "
            + "VALUES (#{id}, #{skuId}, #{delta}, #{after}, #{reason}, #{operatorId}, #{at})")
    int logAdjustment(@Param("id") long id, @Param("skuId") long skuId, @Param("delta") int delta, @Param("after") int after,
                      @Param("reason") String reason, @Param("operatorId") Long operatorId, @Param("at") Instant at);

    @Select("SELECT * FROM stock_reservation WHERE order_no = #{orderNo} ORDER BY sku_id")
    List<StockReservation> reservationsOf(String orderNo);

    @Insert("INSERT INTO stock_reservation (order_no, sku_id, quantity, status, created_at, updated_at) "
            + "VALUES (#{orderNo}, #{skuId}, #{q}, 'RESERVED', #{at}, #{at})")
    int insertReservation(@Param("orderNo") String orderNo, @Param("skuId") long skuId, @Param("q") int quantity,
                          @Param("at") Instant at);

    /** 1 for the one call that moves this line out of RESERVED; 0 for every repeat or racer. */
    @Update("UPDATE stock_reservation SET status = #{to}, updated_at = #{at} "
            + "WHERE order_no = #{orderNo} AND sku_id = #{skuId} AND status = 'RESERVED'")
    int settle(@Param("orderNo") String orderNo, @Param("skuId") long skuId, @Param("to") String to, @Param("at") Instant at);

    /** Orders still holding units they reserved before {@code before}: candidates for the stale-reservation sweep. */
    @Select("SELECT DISTINCT order_no FROM stock_reservation WHERE status = 'RESERVED' AND created_at < #{before} "
            + "AND order_no > #{after} ORDER BY order_no LIMIT #{limit}")
    List<String> reservedBefore(@Param("before") Instant before, @Param("after") String after, @Param("limit") int limit);
}

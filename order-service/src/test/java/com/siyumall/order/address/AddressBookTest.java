package com.siyumall.order.address;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.testsupport.AtOnce;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.order.support.Shop;
import com.siyumall.order.support.UpstreamServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The shopper's address book, and checkout sending an order to one of its addresses. */
@MallIntegrationTest(properties = {"spring.config.name=order-service", "siyumall.order.unpaid-timeout=10m"})
class AddressBookTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        UpstreamServices.register(registry);
    }

    private Shop.Reply call(Shop.Member member, String method, String path, Object body) {
        return Shop.call("http://127.0.0.1:" + port, method, path, member.token(), body, Map.of());
    }

    private static Map<String, Object> address(String name, String regionCode, String district) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "phone", "13800138000", "regionCode", regionCode,
                "province", "上海市", "city", "上海市", "detail", "漕溪北路 " + name + " 号"));
        if (district != null) {
            body.put("district", district);
        }
        return body;
    }

    private Shop.Reply add(Shop.Member member, String name) {
        return call(member, "POST", "/api/addresses", address(name, "310104", "徐汇区"));
    }

    private List<JsonNode> list(Shop.Member member) {
        Shop.Reply reply = call(member, "GET", "/api/addresses", null);
        assertThat(reply.status()).isEqualTo(200);
        return StreamSupport.stream(reply.body().spliterator(), false).toList();
    }

    private static List<String> names(List<JsonNode> addresses) {
        return addresses.stream().map(a -> a.path("name").asText()).toList();
    }

    private static List<String> defaults(List<JsonNode> addresses) {
        return addresses.stream().filter(a -> a.path("isDefault").asBoolean()).map(a -> a.path("name").asText()).toList();
    }

    @Test
    void theFirstAddressIsTheDefaultAndTheDefaultMovesWhenSetOrDeleted() {
        Shop.Member member = Shop.member();
        Shop.Reply home = add(member, "家");
        assertThat(home.status()).isEqualTo(201);
        assertThat(home.body().path("isDefault").asBoolean()).isTrue();
        assertThat(home.text("region")).isEqualTo("上海市 徐汇区");
        assertThat(home.text("id")).matches("\\d+"); // ids are strings

        Map<String, Object> officeBody = address("公司", "310115", "浦东新区");
        officeBody.put("isDefault", true);
        Shop.Reply office = call(member, "POST", "/api/addresses", officeBody);
        Shop.Reply parents = add(member, "父母家");
        assertThat(defaults(list(member))).containsExactly("公司");
        assertThat(names(list(member))).containsExactly("公司", "父母家", "家"); // the default, then the last changed

        Map<String, Object> moved = address("家", "440307", "龙岗区");
        moved.put("province", "广东省");
        moved.put("city", "深圳市");
        Shop.Reply changed = call(member, "PUT", "/api/addresses/" + home.text("id"), moved);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("regionCode")).isEqualTo("440307");
        assertThat(changed.text("region")).isEqualTo("广东省 深圳市 龙岗区");
        assertThat(changed.body().path("isDefault").asBoolean()).isFalse();

        assertThat(call(member, "PUT", "/api/addresses/" + parents.text("id") + "/default", null).body().path("isDefault").asBoolean()).isTrue();
        assertThat(defaults(list(member))).containsExactly("父母家");

        // times are kept to the second: 公司 was saved a minute ago, so 家 is the one changed last
        jdbc.update("UPDATE member_address SET created_at = created_at - INTERVAL 1 MINUTE, updated_at = updated_at - INTERVAL 1 MINUTE "
                + "WHERE id = ?", Long.parseLong(office.text("id")));
        assertThat(call(member, "DELETE", "/api/addresses/" + parents.text("id"), null).status()).isEqualTo(204);
        assertThat(defaults(list(member))).containsExactly("家"); // changed after 公司
        assertThat(call(member, "DELETE", "/api/addresses/" + home.text("id"), null).status()).isEqualTo(204);
        assertThat(call(member, "DELETE", "/api/addresses/" + office.text("id"), null).status()).isEqualTo(204);
        assertThat(list(member)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT address_count FROM address_book WHERE member_id = ?", Integer.class, Long.parseLong(member.id())))
                .isZero();
        assertThat(add(member, "新家").body().path("isDefault").asBoolean()).isTrue();
    }

    @Test
    void anotherMembersAddressIsNotFoundAndStaysAsItWas() {
        Shop.Member owner = Shop.member();
        Shop.Member other = Shop.member();
        String id = add(owner, "家").text("id");
        for (Shop.Reply reply : List.of(call(other, "GET", "/api/addresses/" + id, null),
                call(other, "PUT", "/api/addresses/" + id, address("改", "310104", "徐汇区")),
                call(other, "PUT", "/api/addresses/" + id + "/default", null),
                call(other, "DELETE", "/api/addresses/" + id, null))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.code()).isEqualTo("ADDRESS_NOT_FOUND");
        }
        assertThat(names(list(owner))).containsExactly("家");
        assertThat(list(other)).isEmpty();
    }

    @Test
    void badInputIsRefusedWithTheFieldOrCodeNamedAndNothingSaved() {
        Shop.Member member = Shop.member();
        Shop.Reply unknownProvince = call(member, "POST", "/api/addresses", address("家", "990101", "某区"));
        assertThat(unknownProvince.status()).isEqualTo(400);
        assertThat(unknownProvince.code()).isEqualTo("REGION_CODE_INVALID");
        Shop.Reply notACode = call(member, "POST", "/api/addresses", address("家", "31010", "徐汇区"));
        assertThat(notACode.status()).isEqualTo(400);
        assertThat(notACode.body().toString()).contains("regionCode");
        Map<String, Object> noName = address(" ", "310104", "徐汇区");
        Shop.Reply blank = call(member, "POST", "/api/addresses", noName);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().toString()).contains("name");
        assertThat(list(member)).isEmpty();
        // a city without counties has no district
        Map<String, Object> dongguan = address("东莞", "441900", null);
        dongguan.put("province", "广东省");
        dongguan.put("city", "东莞市");
        Shop.Reply noDistrict = call(member, "POST", "/api/addresses", dongguan);
        assertThat(noDistrict.status()).isEqualTo(201);
        assertThat(noDistrict.text("region")).isEqualTo("广东省 东莞市");
    }

    @Test
    void addsAtOnceFillTheBookToTwentyAndNoFurtherWithOneDefault() throws Exception {
        Shop.Member member = Shop.member();
        List<Shop.Reply> replies = AtOnce.run(30, () -> add(member, "地址" + UUID.randomUUID().toString().substring(0, 6)));
        assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(Address.MAX_PER_MEMBER);
        assertThat(replies.stream().filter(r -> r.status() == 409)).hasSize(30 - Address.MAX_PER_MEMBER)
                .allMatch(r -> r.code().equals("ADDRESS_BOOK_FULL"));
        List<JsonNode> book = list(member);
        assertThat(book).hasSize(Address.MAX_PER_MEMBER);
        assertThat(defaults(book)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT address_count FROM address_book WHERE member_id = ?", Integer.class, Long.parseLong(member.id())))
                .isEqualTo(Address.MAX_PER_MEMBER);

        // every address made the default at once, and deletes beside them: still one default at the end
        List<Callable<Shop.Reply>> tasks = new ArrayList<>();
        for (JsonNode a : book.subList(0, 15)) {
            tasks.add(() -> call(member, "PUT", "/api/addresses/" + a.path("id").asText() + "/default", null));
        }
        for (JsonNode a : book.subList(15, 20)) {
            tasks.add(() -> call(member, "DELETE", "/api/addresses/" + a.path("id").asText(), null));
        }
        assertThat(AtOnce.run(tasks)).allMatch(r -> r.status() == 200 || r.status() == 204);
        List<JsonNode> after = list(member);
        assertThat(after).hasSize(15);
        assertThat(defaults(after)).hasSize(1);
        assertThat(add(member, "再来一个").status()).isEqualTo(201);
    }

    @Test
    void anOrderKeepsTheBookAddressItWasSentToAndAStrangersAddressHoldsNothing() {
        Shop.Product product = Shop.product(2_000, 10);
        Shop.Member member = Shop.member();
        String addressId = add(member, "家").text("id");
        Shop.Reply placed = Shop.call("http://127.0.0.1:" + port, "POST", "/api/orders", member.token(),
                Map.of("items", List.of(Map.of("skuId", product.skuId(), "quantity", 1)), "addressId", addressId),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.status()).isEqualTo(201);
        call(member, "PUT", "/api/addresses/" + addressId, address("新家", "310115", "浦东新区"));
        JsonNode order = call(member, "GET", "/api/orders/" + placed.text("orderNo"), null).body();
        assertThat(order.path("delivery").asText()).isEqualTo("EXPRESS");
        assertThat(order.path("address").asText()).contains("\"name\":\"家\"").contains("\"region\":\"上海市 徐汇区\"")
                .contains("\"regionCode\":\"310104\"").contains("漕溪北路 家 号");

        Shop.Member stranger = Shop.member();
        Shop.Reply refused = Shop.call("http://127.0.0.1:" + port, "POST", "/api/orders", stranger.token(),
                Map.of("items", List.of(Map.of("skuId", product.skuId(), "quantity", 1)), "addressId", addressId),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("ADDRESS_NOT_FOUND");
        assertThat(Shop.stockOf(product).path("reserved").asInt()).isEqualTo(1); // the first order's unit only
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checkout_saga WHERE member_id = ?", Integer.class,
                Long.parseLong(stranger.id()))).isZero();

        Shop.Reply both = Shop.call("http://127.0.0.1:" + port, "POST", "/api/orders", member.token(),
                Map.of("items", List.of(Map.of("skuId", product.skuId(), "quantity", 1)), "addressId", addressId,
                        "address", Map.of("name", "张三", "phone", "13800138000", "region", "上海市", "detail", "1 号")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.code()).isEqualTo("ADDRESS_GIVEN_TWICE");
    }
}

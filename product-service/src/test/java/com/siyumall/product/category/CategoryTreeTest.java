package com.siyumall.product.category;

import com.siyumall.common.error.BusinessException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CategoryTreeTest {

    private static Category withId(Category category, long id) {
        category.setId(id);
        return category;
    }

    @Test
    void aFourthLevelIsRefused() {
        Category third = withId(withId(withId(Category.root("A", null, 0), 1).newChild("B", null, 0), 2).newChild("C", null, 0), 3);
        assertThat(third.getLevel()).isEqualTo(3);
        assertThatThrownBy(() -> third.newChild("D", null, 0))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).errorCode().code()).isEqualTo("CATEGORY_TOO_DEEP"));
    }

    @Test
    void childrenHangUnderTheirParentsInSortOrder() {
        Category women = withId(Category.root("Women", null, 2), 1);
        Category men = withId(Category.root("Men", null, 1), 2);
        Category dresses = withId(women.newChild("Dresses", null, 5), 3);
        Category tops = withId(women.newChild("Tops", null, 1), 4);

        List<CategoryNode> tree = CategoryNode.treeOf(List.of(dresses, women, tops, men));

        assertThat(tree).extracting(CategoryNode::name).containsExactly("Men", "Women");
        assertThat(tree.get(1).children()).extracting(CategoryNode::name).containsExactly("Tops", "Dresses");
        assertThat(tree.get(0).children()).isEmpty();
    }
}

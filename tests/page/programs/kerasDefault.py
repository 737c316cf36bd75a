# The Keras program for the run on screen in Digits on WebGPU.
# Model: Dense(512, relu) → Dense(10, softmax).
# Training: RMSprop (lr 0.001), 5 epochs of 60,000 images, batch 128.
# Run it with Keras 3 (pip install keras tensorflow) or tf.keras.
import keras
from keras import layers
from keras.datasets import mnist
from keras.utils import to_categorical

keras.utils.set_random_seed(1)

(train_images, train_labels), (test_images, test_labels) = mnist.load_data()
train_images = train_images.reshape((60000, 28 * 28)).astype("float32") / 255
test_images = test_images.reshape((10000, 28 * 28)).astype("float32") / 255
train_labels = to_categorical(train_labels)
test_labels = to_categorical(test_labels)

model = keras.Sequential(
    [
        keras.Input(shape=(28 * 28,)),
        layers.Dense(512, activation="relu"),
        layers.Dense(10, activation="softmax"),
    ]
)
model.compile(
    optimizer=keras.optimizers.RMSprop(learning_rate=0.001),
    loss="categorical_crossentropy",
    metrics=["accuracy"],
)
model.summary()
# validation_data: the test curve on screen, measured after each epoch.
model.fit(
    train_images,
    train_labels,
    epochs=5,
    batch_size=128,
    validation_data=(test_images, test_labels),
)

test_loss, test_acc = model.evaluate(test_images, test_labels)
print(f"test_acc: {test_acc:.4f}")

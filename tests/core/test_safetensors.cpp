// safetensors files: written and read back, and damaged files refused whole.

#include "core/common/Error.h"
#include "core/common/SafeTensors.h"
#include "tests/support/TestSupport.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

using namespace muze;
namespace fs = std::filesystem;

namespace {

void writeRaw(const fs::path& path, const std::string& header, const std::string& data)
{
    std::ofstream out(path, std::ios::binary);
    const std::uint64_t length = header.size();
    out.write(reinterpret_cast<const char*>(&length), 8);
    out << header << data;
}

ErrorKind readKind(const fs::path& path)
{
    try {
        readSafeTensors(path);
    } catch (const Error& error) {
        return error.kind();
    }
    return ErrorKind::InvalidArgument;
}

}  // namespace

class SafeTensorsTest : public QObject {
    Q_OBJECT

private slots:
    void roundTrips()
    {
        const fs::path path = test::scratchFolder("safetensors_round") / "t.safetensors";
        TensorFile file;
        file.metadata["config"] = "{\"preset\": \"tiny\"}";
        file.tensors["weight"] = Tensor::fromFloats({1.0f, -2.5f, 3.25f, 0.0f, 5.0f, 6.0f}, {2, 3});
        file.tensors["mask"] = Tensor::fromBytes({1, 0, 1}, {3});
        writeSafeTensors(path, file);
        const TensorFile back = readSafeTensors(path);
        QCOMPARE(back.metadata.at("config"), file.metadata.at("config"));
        QCOMPARE(back.tensors.at("weight").shape, (std::vector<std::int64_t>{2, 3}));
        QCOMPARE(back.tensors.at("weight").toFloats(), file.tensors.at("weight").toFloats());
        QCOMPARE(back.tensors.at("mask").bytes, file.tensors.at("mask").bytes);
        QCOMPARE(readSafeTensorsMetadata(path).at("config"), file.metadata.at("config"));
    }

    void readableByPython()
    {
        // read_safetensors.py reads the file as the published format describes it, with json and
        // struct only: an 8-byte little-endian header length, the JSON header, then the data.
        const fs::path path = test::scratchFolder("safetensors_python") / "t.safetensors";
        TensorFile file;
        file.metadata["config"] = "{\"preset\": \"tiny\"}";
        file.tensors["x"] = Tensor::fromFloats({0.5f, 1.5f, -3.0f, 1e-3f, 7.0f, 8.0f}, {3, 2});
        file.tensors["mask"] = Tensor::fromBytes({1, 0, 1}, {3});
        writeSafeTensors(path, file);
        const auto read = test::readSafeTensorsWithPython(path);
        QCOMPARE(read["metadata"]["config"].get<std::string>(), file.metadata.at("config"));
        QCOMPARE(read["tensors"]["x"]["dtype"].get<std::string>(), std::string("F32"));
        QCOMPARE(read["tensors"]["x"]["shape"].get<std::vector<int>>(), (std::vector<int>{3, 2}));
        QCOMPARE(read["tensors"]["x"]["values"].get<std::vector<float>>(), file.tensors.at("x").toFloats());
        QCOMPARE(read["tensors"]["mask"]["values"].get<std::vector<int>>(), (std::vector<int>{1, 0, 1}));
        QVERIFY(read["data_aligned"].get<bool>());
    }

    void refusesDamagedFiles()
    {
        const fs::path folder = test::scratchFolder("safetensors_bad");
        const fs::path good = folder / "good.safetensors";
        TensorFile file;
        file.tensors["w"] = Tensor::fromFloats(std::vector<float>(64, 1.0f), {8, 8});
        writeSafeTensors(good, file);

        fs::copy_file(good, folder / "truncated.safetensors");
        fs::resize_file(folder / "truncated.safetensors", fs::file_size(good) - 10);
        QCOMPARE(readKind(folder / "truncated.safetensors"), ErrorKind::Corrupt);

        writeRaw(folder / "huge_header.safetensors", "{}", "");
        {
            std::fstream patch(folder / "huge_header.safetensors", std::ios::in | std::ios::out | std::ios::binary);
            const std::uint64_t lie = 1ull << 40;
            patch.write(reinterpret_cast<const char*>(&lie), 8);
        }
        QCOMPARE(readKind(folder / "huge_header.safetensors"), ErrorKind::Corrupt);

        writeRaw(folder / "not_json.safetensors", "{\"w\": [", "");
        QCOMPARE(readKind(folder / "not_json.safetensors"), ErrorKind::Corrupt);

        writeRaw(folder / "wrong_size.safetensors", R"({"w":{"dtype":"F32","shape":[4],"data_offsets":[0,8]}})", std::string(8, '\0'));
        QCOMPARE(readKind(folder / "wrong_size.safetensors"), ErrorKind::Corrupt);

        writeRaw(folder / "overlap.safetensors",
                 R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                 std::string(12, '\0'));
        QCOMPARE(readKind(folder / "overlap.safetensors"), ErrorKind::Corrupt);

        writeRaw(folder / "dtype.safetensors", R"({"w":{"dtype":"Q4","shape":[2],"data_offsets":[0,1]}})", std::string(1, '\0'));
        QCOMPARE(readKind(folder / "dtype.safetensors"), ErrorKind::Corrupt);

        // 2^32 × 2^32 elements wrap to 0 in 64 bits: a reader that multiplies first takes it for empty.
        writeRaw(folder / "overflow.safetensors", R"({"w":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,0]}})", "");
        QCOMPARE(readKind(folder / "overflow.safetensors"), ErrorKind::Corrupt);
        writeRaw(folder / "overflow3.safetensors", R"({"w":{"dtype":"U8","shape":[65536,65536,65536,65536],"data_offsets":[0,0]}})", "");
        QCOMPARE(readKind(folder / "overflow3.safetensors"), ErrorKind::Corrupt);

        std::ofstream(folder / "tiny.safetensors") << "abc";
        QCOMPARE(readKind(folder / "tiny.safetensors"), ErrorKind::Corrupt);
    }
};

QTEST_GUILESS_MAIN(SafeTensorsTest)
#include "test_safetensors.moc"
